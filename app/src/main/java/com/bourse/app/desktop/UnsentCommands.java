package com.bourse.app.desktop;

import com.bourse.backoffice.security.CommandGateway;
import com.bourse.protocol.Command;
import com.bourse.ui.port.MarketFeed;

/**
 * How a trading session tells its window about a command that never reached the engine (the gateway refused it,
 * the venue would not take it, the cluster never acknowledged it): a notice naming the command as the trader
 * knows it. Stateless; called from whichever worker found out.
 */
final class UnsentCommands {
    private static final System.Logger LOG = System.getLogger(UnsentCommands.class.getName());

    private UnsentCommands() {
    }

    /** The gateway's word on a command it did not send, to the window (or, before the window connected, the log). */
    static void tell(MarketFeed window, CommandGateway.Outcome.NotSent refusal) {
        String text = describe(refusal.command()) + " was not sent: " + refusal.reason();
        if (window != null) {
            window.notice(text);
        } else {
            LOG.log(System.Logger.Level.WARNING, text);
        }
    }

    /** A command as the trader would name it in a notice. */
    static String describe(Command command) {
        return switch (command) {
            case Command.PlaceOrder c -> "Order " + c.orderId();
            case Command.PlaceOco c -> (c.isBracket() ? "Bracket " + c.entryOrderId() : "OCO orders "
                    + c.targetOrderId() + " and " + c.stopOrderId());
            case Command.CancelOrder c -> "Cancel of order " + c.orderId();
            case Command.ReplaceOrder c -> "Amend of order " + c.orderId();
            default -> command.getClass().getSimpleName();
        };
    }
}
