package com.bourse.simulator.session;

import com.bourse.protocol.Command;

/** A command as it was, stamped with another simulated time: injections carry the time they are applied at. */
final class Stamp {
    private Stamp() {
    }

    static Command at(Command c, long t) {
        return switch (c) {
            case Command.PlaceOrder o -> new Command.PlaceOrder(t, o.userId(), o.orderId(), o.accountId(),
                    o.instrumentId(), o.side(), o.type(), o.timeInForce(), o.price(), o.stopPrice(), o.quantity(),
                    o.displayQuantity(), o.postOnly());
            case Command.PlaceOco o -> new Command.PlaceOco(t, o.userId(), o.accountId(), o.instrumentId(), o.side(),
                    o.timeInForce(), o.quantity(), o.targetOrderId(), o.targetPrice(), o.stopOrderId(),
                    o.stopPrice(), o.entryOrderId(), o.entryPrice());
            case Command.CancelOrder o -> new Command.CancelOrder(t, o.userId(), o.orderId(), o.accountId());
            case Command.ReplaceOrder o -> new Command.ReplaceOrder(t, o.userId(), o.orderId(), o.accountId(),
                    o.newPrice(), o.newStopPrice(), o.newTotalQuantity());
            case Command.MassCancel o -> new Command.MassCancel(t, o.userId(), o.accountId(), o.instrumentId());
            case Command.EndOfDay o -> new Command.EndOfDay(t, o.userId());
            case Command.HaltInstrument o -> new Command.HaltInstrument(t, o.userId(), o.instrumentId());
            case Command.ResumeInstrument o -> new Command.ResumeInstrument(t, o.userId(), o.instrumentId());
            case Command.Approve o -> new Command.Approve(t, o.userId(), o.subject(), o.subjectId());
            case Command.Reject o -> new Command.Reject(t, o.userId(), o.subject(), o.subjectId(), o.reason());
            case Command.EngageKillSwitch o -> new Command.EngageKillSwitch(t, o.userId(), o.accountId());
            case Command.ReleaseKillSwitch o -> new Command.ReleaseKillSwitch(t, o.userId(), o.accountId());
            case Command.SetRiskLimits o -> new Command.SetRiskLimits(t, o.userId(), o.accountId(), o.limits());
            case Command.RequestTransfer o -> new Command.RequestTransfer(t, o.userId(), o.transferId(), o.kind(),
                    o.fromAccountId(), o.toAccountId(), o.asset(), o.amount());
            case Command.RequestPayment o -> new Command.RequestPayment(t, o.userId(), o.paymentId(),
                    o.fromAccountId(), o.toAccountId(), o.asset(), o.amount(), o.fee(), o.reference());
            case Command.SettleTransfer o -> new Command.SettleTransfer(t, o.userId(), o.transferId(), o.settled());
            case Command.CancelTransfer o -> new Command.CancelTransfer(t, o.userId(), o.transferId());
            case Command.AddCurrency o -> new Command.AddCurrency(t, o.userId(), o.currency());
            case Command.ListInstrument o -> new Command.ListInstrument(t, o.userId(), o.instrument());
            case Command.OpenAccount o -> new Command.OpenAccount(t, o.userId(), o.accountId(), o.ownerUserId(),
                    o.baseCurrency(), o.selfTradePrevention());
            case Command.RegisterUser o -> new Command.RegisterUser(t, o.userId(), o.newUserId(), o.roleMask());
        };
    }
}
