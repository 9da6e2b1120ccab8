package com.bourse.protocol.wire;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire numbers enums by the domain ordinal: the two must list the same names in the same order. */
class WireEnumsTest {

    @Test
    void everyDomainEnumHasTheSameNamesInTheSameOrderOnTheWire() {
        List<Class<? extends Enum<?>>[]> pairs = List.of(
                pair(com.bourse.protocol.Side.class, com.bourse.protocol.sbe.Side.class),
                pair(com.bourse.protocol.OrderType.class, com.bourse.protocol.sbe.OrderType.class),
                pair(com.bourse.protocol.TimeInForce.class, com.bourse.protocol.sbe.TimeInForce.class),
                pair(com.bourse.protocol.ReviewSubject.class, com.bourse.protocol.sbe.ReviewSubject.class),
                pair(com.bourse.protocol.TransferKind.class, com.bourse.protocol.sbe.TransferKind.class),
                pair(com.bourse.protocol.TransferState.class, com.bourse.protocol.sbe.TransferState.class),
                pair(com.bourse.protocol.SelfTradePrevention.class,
                        com.bourse.protocol.sbe.SelfTradePrevention.class),
                pair(com.bourse.protocol.CancelReason.class, com.bourse.protocol.sbe.CancelReason.class),
                pair(com.bourse.protocol.ErrorCode.class, com.bourse.protocol.sbe.ErrorCode.class),
                pair(com.bourse.protocol.ComplianceKind.class, com.bourse.protocol.sbe.ComplianceKind.class),
                pair(SessionMessage.AckStatus.class, com.bourse.protocol.sbe.AckStatus.class));
        for (Class<? extends Enum<?>>[] pair : pairs) {
            assertThat(wireNames(pair[1])).as(pair[0].getSimpleName()).containsExactlyElementsOf(names(pair[0]));
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Enum<?>>[] pair(Class<? extends Enum<?>> domain, Class<? extends Enum<?>> wire) {
        return new Class[] {domain, wire};
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    /** The generated enum's values in wire-number order, without its NULL_VAL. */
    private static List<String> wireNames(Class<? extends Enum<?>> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .filter(name -> !name.equals("NULL_VAL")).toList();
    }
}
