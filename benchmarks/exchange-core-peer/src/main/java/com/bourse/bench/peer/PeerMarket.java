package com.bourse.bench.peer;

import com.bourse.bench.stream.OrderStream;
import com.bourse.bench.stream.StreamSpec;
import exchange.core2.core.ExchangeApi;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.api.ApiAddUser;
import exchange.core2.core.common.api.ApiAdjustUserBalance;
import exchange.core2.core.common.api.ApiCancelOrder;
import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.api.ApiPlaceOrder;
import exchange.core2.core.common.api.binary.BatchAddSymbolsCommand;
import exchange.core2.core.common.cmd.CommandResultCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The stream's market in exchange-core terms: each instrument is a currency-exchange pair (its own base
 * currency against one quote currency, one lot = one base unit, one tick = one quote unit, no fees), each
 * account a user funded with the same cash and positions our engine's accounts get. exchange-core's risk
 * processing stays on (FULL_PER_CURRENCY): bids hold quote currency, asks hold base currency.
 */
final class PeerMarket {
    static final int QUOTE_CURRENCY = 1;
    static final long CASH_PER_ACCOUNT = 10_000_000_000_000L;
    static final long POSITION_PER_ACCOUNT = 1_000_000_000L;

    private final StreamSpec spec;

    PeerMarket(StreamSpec spec) {
        this.spec = spec;
    }

    static int symbolId(int instrument) {
        return 1 + instrument;
    }

    static int baseCurrency(int instrument) {
        return 100 + instrument;
    }

    static long uid(int account) {
        return 1 + account;
    }

    /** Lists the symbols, adds the users and funds them; waits for every step and throws if one failed. */
    void setUp(ExchangeApi api) {
        List<CoreSymbolSpecification> symbols = new ArrayList<>();
        for (int j = 0; j < spec.instruments(); j++) {
            symbols.add(CoreSymbolSpecification.builder()
                    .symbolId(symbolId(j))
                    .type(SymbolType.CURRENCY_EXCHANGE_PAIR)
                    .baseCurrency(baseCurrency(j))
                    .quoteCurrency(QUOTE_CURRENCY)
                    .baseScaleK(1)
                    .quoteScaleK(1)
                    .takerFee(0)
                    .makerFee(0)
                    .build());
        }
        expectSuccess("add symbols", api.submitBinaryDataAsync(new BatchAddSymbolsCommand(symbols)).join());
        List<CompletableFuture<CommandResultCode>> results = new ArrayList<>();
        long transaction = 1;
        for (int i = 0; i < spec.accounts(); i++) {
            long uid = uid(i);
            results.add(api.submitCommandAsync(ApiAddUser.builder().uid(uid).build()));
            results.add(api.submitCommandAsync(new ApiAdjustUserBalance(uid, QUOTE_CURRENCY, CASH_PER_ACCOUNT,
                    transaction++)));
            for (int j = 0; j < spec.instruments(); j++) {
                results.add(api.submitCommandAsync(new ApiAdjustUserBalance(uid, baseCurrency(j),
                        POSITION_PER_ACCOUNT, transaction++)));
            }
        }
        for (CompletableFuture<CommandResultCode> result : results) {
            expectSuccess("add and fund users", result.join());
        }
    }

    /** The stream as exchange-core API commands, built before timing (their timestamp is set when sent). */
    static ApiCommand[] commands(OrderStream stream) {
        ApiCommand[] commands = new ApiCommand[stream.size()];
        for (int i = 0; i < commands.length; i++) {
            long uid = uid(stream.account(i));
            int symbol = symbolId(stream.instrument(i));
            OrderAction action = stream.isBuy(i) ? OrderAction.BID : OrderAction.ASK;
            commands[i] = switch (stream.kind(i)) {
                case OrderStream.CANCEL -> new ApiCancelOrder(stream.orderId(i), uid, symbol);
                case OrderStream.ADD -> new ApiPlaceOrder(stream.price(i), stream.quantity(i), stream.orderId(i),
                        action, OrderType.GTC, uid, symbol, 0, stream.price(i));
                case OrderStream.AGGRESSIVE -> new ApiPlaceOrder(stream.price(i), stream.quantity(i),
                        stream.orderId(i), action, OrderType.IOC, uid, symbol, 0, stream.price(i));
                default -> throw new IllegalArgumentException("unknown kind " + stream.kind(i));
            };
        }
        return commands;
    }

    private static void expectSuccess(String step, CommandResultCode code) {
        if (code != CommandResultCode.SUCCESS) {
            throw new IllegalStateException("exchange-core refused " + step + ": " + code);
        }
    }
}
