package com.bourse.simulator.scenario;

import java.math.BigDecimal;

/**
 * One line of a scenario's agents: {@code count} agents of one kind in one instrument (or in every instrument when
 * the symbol is {@code *}), each with its own user, account and opening cash and position.
 *
 * @param cash     opening cash of each agent, in whole units of the instrument's currency (decimals allowed)
 * @param position opening position of each agent in the instrument, in units
 * @param line     the line of the scenario file, for messages
 */
public record AgentGroup(AgentKind kind, String symbol, int count, BigDecimal cash, long position, Params params,
                         int line) {
    public boolean everyInstrument() {
        return symbol.equals("*");
    }
}
