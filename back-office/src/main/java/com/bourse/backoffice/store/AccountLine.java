package com.bourse.backoffice.store;

import com.bourse.protocol.SelfTradePrevention;

/** An account's master data, decrypted: holder name and IBAN are personal data and stored encrypted. */
public record AccountLine(long accountId, long ownerUserId, String name, String baseCurrency,
                          SelfTradePrevention selfTradePrevention, String iban) {
}
