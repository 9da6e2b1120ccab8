package com.bourse.ui.model;

import java.math.BigDecimal;

/** An account's cash in one currency: the balance, the part held by working orders and what is free. */
public record CashRow(long accountId, String currency, BigDecimal balance, BigDecimal held, BigDecimal available) {
}
