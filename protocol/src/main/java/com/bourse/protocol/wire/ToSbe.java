package com.bourse.protocol.wire;

import com.bourse.protocol.sbe.BooleanType;

/** Domain enum to generated SBE enum (same name, same number), null to the schema's null value. */
final class ToSbe {
    private ToSbe() {
    }

    static com.bourse.protocol.sbe.Side of(com.bourse.protocol.Side v) {
        return com.bourse.protocol.sbe.Side.get(WireEnums.raw(v));
    }

    static com.bourse.protocol.sbe.OrderType of(com.bourse.protocol.OrderType v) {
        return com.bourse.protocol.sbe.OrderType.get(WireEnums.raw(v));
    }

    static com.bourse.protocol.sbe.TimeInForce of(com.bourse.protocol.TimeInForce v) {
        return com.bourse.protocol.sbe.TimeInForce.get(WireEnums.raw(v));
    }

    static com.bourse.protocol.sbe.ReviewSubject of(com.bourse.protocol.ReviewSubject v) {
        return com.bourse.protocol.sbe.ReviewSubject.get(WireEnums.raw(v));
    }

    static com.bourse.protocol.sbe.TransferKind of(com.bourse.protocol.TransferKind v) {
        return com.bourse.protocol.sbe.TransferKind.get(WireEnums.raw(v));
    }

    static com.bourse.protocol.sbe.TransferState of(com.bourse.protocol.TransferState v) {
        return com.bourse.protocol.sbe.TransferState.get(WireEnums.raw(v));
    }

    static com.bourse.protocol.sbe.SelfTradePrevention of(com.bourse.protocol.SelfTradePrevention v) {
        return com.bourse.protocol.sbe.SelfTradePrevention.get(WireEnums.raw(v));
    }

    static com.bourse.protocol.sbe.CancelReason of(com.bourse.protocol.CancelReason v) {
        return com.bourse.protocol.sbe.CancelReason.get(WireEnums.raw(v));
    }

    static com.bourse.protocol.sbe.ErrorCode of(com.bourse.protocol.ErrorCode v) {
        return com.bourse.protocol.sbe.ErrorCode.get(WireEnums.raw(v));
    }

    static com.bourse.protocol.sbe.ComplianceKind of(com.bourse.protocol.ComplianceKind v) {
        return com.bourse.protocol.sbe.ComplianceKind.get(WireEnums.raw(v));
    }

    static BooleanType of(boolean v) {
        return v ? BooleanType.T : BooleanType.F;
    }

    /** Text for a string field: null travels as empty; longer than the schema allows is refused. */
    static String text(String value, String field) {
        if (value == null) {
            return "";
        }
        if (value.length() > WireFormat.MAX_TEXT_BYTES / 4
                && value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > WireFormat.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException(field + " is longer than " + WireFormat.MAX_TEXT_BYTES + " bytes");
        }
        return value;
    }
}
