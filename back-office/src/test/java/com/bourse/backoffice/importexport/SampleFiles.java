package com.bourse.backoffice.importexport;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

/** A small, valid sample world held in memory, any file of which a test may replace. */
final class SampleFiles {
    private final Map<String, String> files = new HashMap<>(Map.of(
            "currencies.csv", "code,minor_digits\nEUR,2\n",
            "users.csv", """
                    user_id,username,display_name,roles,password
                    1,admin,Administrator,ADMIN,admin-training-1
                    2,alice,Alice Martin,TRADER,alice-training-1
                    6,market,Market Simulator,TRADER,market-simulator-not-for-login
                    7,flow,Simulated Order Flow,TRADER,flow-simulator-not-for-login
                    """,
            "instruments.csv", """
                    instrument_id,symbol,name,currency,price_scale,tick_size,lot_size,reference_price,band_bps
                    1,ASML,ASML Holding,EUR,2,10,1,68450,1000
                    """,
            "accounts.csv", """
                    account_id,owner_username,name,base_currency,self_trade_prevention,iban
                    1001,alice,Alice Martin - Equities,EUR,CANCEL_OLDEST,DE89370400440532013000
                    9001,market,Simulated market makers,EUR,CANCEL_OLDEST,
                    9002,flow,Simulated order flow,EUR,CANCEL_NEWEST,
                    """,
            "balances.csv", "account_id,asset,amount\n1001,EUR,25000000\n9001,ASML,1000\n",
            "price-history/ASML.csv", "minute,open,high,low,close,volume\n0,68450,68500,68400,68460,900\n"
                    + "1,68460,68470,68440,68440,1200\n"));

    SampleFiles with(String name, String content) {
        files.put(name, content);
        return this;
    }

    SampleFiles without(String name) {
        files.remove(name);
        return this;
    }

    SampleWorld read() {
        return new SampleWorldReader("sample-data/", name -> {
            String content = files.get(name);
            return content == null ? null : new StringReader(content);
        }).read();
    }
}
