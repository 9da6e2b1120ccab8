package com.bourse.cluster.identity;

import com.bourse.protocol.sbe.MessageHeaderDecoder;
import com.bourse.protocol.sbe.MessageHeaderEncoder;
import com.bourse.protocol.sbe.ReplyDecoder;
import com.bourse.protocol.sbe.ReplyEncoder;
import com.bourse.protocol.sbe.ReplyStatus;
import com.bourse.protocol.sbe.SessionTokenDecoder;
import com.bourse.protocol.sbe.SessionTokenEncoder;
import com.bourse.protocol.sbe.SessionTokenRequestDecoder;
import com.bourse.protocol.sbe.SessionTokenRequestEncoder;
import com.bourse.protocol.sbe.UserAdminDecoder;
import com.bourse.protocol.sbe.UserAdminEncoder;
import com.bourse.protocol.sbe.UserListDecoder;
import com.bourse.protocol.sbe.UserListEncoder;
import com.bourse.protocol.sbe.UserListRequestDecoder;
import com.bourse.protocol.sbe.UserListRequestEncoder;
import com.bourse.protocol.wire.WireFormat;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of live-identity messages (schema messages UserAdmin and Reply, version 7; SessionTokenRequest and
 * SessionToken, version 8; UserListRequest and UserList, version 9). Decoding reads through
 * a view of exactly the message and never throws: a malformed message returns false with {@link #rejection()}.
 * One instance per thread.
 */
public final class IdentityCodec {
    public static final int USER_ADMIN = UserAdminDecoder.TEMPLATE_ID;
    public static final int REPLY = ReplyDecoder.TEMPLATE_ID;
    public static final int TOKEN_REQUEST = SessionTokenRequestDecoder.TEMPLATE_ID;
    public static final int SESSION_TOKEN = SessionTokenDecoder.TEMPLATE_ID;
    public static final int USER_LIST_REQUEST = UserListRequestDecoder.TEMPLATE_ID;
    public static final int USER_LIST = UserListDecoder.TEMPLATE_ID;
    /**
     * Users per UserList chunk: a row is at most 51 bytes on the wire, so a chunk stays near 5 KB, well under an
     * egress term's largest message.
     */
    public static final int USERS_PER_CHUNK = 100;
    /** Room for a UserList chunk of {@link #USERS_PER_CHUNK} users. */
    public static final int MAX_USER_LIST_LENGTH = 64 + USERS_PER_CHUNK * 64;
    /** Room for any UserAdmin or Reply. */
    public static final int MAX_ENCODED_LENGTH = 1024 + 256;
    private static final int MAX_REASON_BYTES = 900;

    /** The cluster's answer to one request. */
    public record Reply(long requestId, ReplyStatus status, String reason) {
        public boolean done() {
            return status == ReplyStatus.DONE;
        }
    }

    /** One chunk of the live users answering request {@code requestId}; {@code last} ends the answer. */
    public record UserListChunk(long requestId, long logPosition, boolean last, List<UserListing> users) {
    }

    /** A fresh session token the cluster sent, answering request {@code requestId}. */
    public record SessionTokenAnswer(long requestId, long expiresAtMs, String token) {
    }

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final UserAdminEncoder adminEncoder = new UserAdminEncoder();
    private final UserAdminDecoder adminDecoder = new UserAdminDecoder();
    private final ReplyEncoder replyEncoder = new ReplyEncoder();
    private final ReplyDecoder replyDecoder = new ReplyDecoder();
    private final SessionTokenRequestEncoder tokenRequestEncoder = new SessionTokenRequestEncoder();
    private final SessionTokenRequestDecoder tokenRequestDecoder = new SessionTokenRequestDecoder();
    private final SessionTokenEncoder tokenEncoder = new SessionTokenEncoder();
    private final SessionTokenDecoder tokenDecoder = new SessionTokenDecoder();
    private final UserListRequestEncoder listRequestEncoder = new UserListRequestEncoder();
    private final UserListRequestDecoder listRequestDecoder = new UserListRequestDecoder();
    private final UserListEncoder listEncoder = new UserListEncoder();
    private final UserListDecoder listDecoder = new UserListDecoder();
    private long listRequestId;
    private UserListChunk userList;
    private long tokenRequestId;
    private SessionTokenAnswer token;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private UserAdminRequest request;
    private Reply reply;
    private String rejection;

    public int encode(UserAdminRequest r, MutableDirectBuffer buffer, int offset) {
        Scram.Verifier v = r.verifier();
        byte[] salt = v == null ? new byte[0] : v.salt();
        byte[] stored = v == null ? new byte[0] : v.storedKey();
        byte[] server = v == null ? new byte[0] : v.serverKey();
        adminEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .requestId(r.requestId())
                .action(com.bourse.protocol.sbe.UserAction.get((short) r.action().ordinal()))
                .userId(r.userId())
                .roleMask(r.roleMask())
                .kdfMemoryKib(v == null ? 0 : v.params().memoryKib())
                .kdfIterations(v == null ? 0 : v.params().iterations())
                .kdfParallelism(v == null ? 0 : v.params().parallelism())
                .username(r.username() == null ? "" : r.username())
                .putSalt(salt, 0, salt.length)
                .putStoredKey(stored, 0, stored.length)
                .putServerKey(server, 0, server.length);
        return WireFormat.HEADER_LENGTH + adminEncoder.encodedLength();
    }

    public int encodeReply(long requestId, ReplyStatus status, String reason, MutableDirectBuffer buffer, int offset) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, MAX_REASON_BYTES);
        replyEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder).requestId(requestId).status(status)
                .putReason(text, 0, length);
        return WireFormat.HEADER_LENGTH + replyEncoder.encodedLength();
    }

    public int encodeTokenRequest(long requestId, MutableDirectBuffer buffer, int offset) {
        tokenRequestEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder).requestId(requestId);
        return WireFormat.HEADER_LENGTH + tokenRequestEncoder.encodedLength();
    }

    public int encodeToken(long requestId, long expiresAtMs, String text, MutableDirectBuffer buffer, int offset) {
        tokenEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder).requestId(requestId).expiresAt(expiresAtMs)
                .token(text);
        return WireFormat.HEADER_LENGTH + tokenEncoder.encodedLength();
    }

    public int encodeUserListRequest(long requestId, MutableDirectBuffer buffer, int offset) {
        listRequestEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder).requestId(requestId);
        return WireFormat.HEADER_LENGTH + listRequestEncoder.encodedLength();
    }

    /** One chunk of at most {@link #USERS_PER_CHUNK} users. */
    public int encodeUserList(long requestId, long logPosition, boolean last, List<UserListing> users,
                              MutableDirectBuffer buffer, int offset) {
        if (users.size() > USERS_PER_CHUNK) {
            throw new IllegalArgumentException(users.size() + " users in one chunk, at most " + USERS_PER_CHUNK);
        }
        UserListEncoder.UsersEncoder rows = listEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .requestId(requestId).logPosition(logPosition)
                .last(last ? com.bourse.protocol.sbe.BooleanType.T : com.bourse.protocol.sbe.BooleanType.F)
                .usersCount(users.size());
        for (UserListing u : users) {
            rows.next().userId(u.userId()).roleMask(u.roleMask())
                    .status(com.bourse.protocol.sbe.UserStatus.get((short) u.status().ordinal()))
                    .failedSignIns(u.failedSignIns()).username(u.username());
        }
        return WireFormat.HEADER_LENGTH + listEncoder.encodedLength();
    }

    /** Decodes a UserListRequest; on success {@link #listRequestId()} holds its id. */
    public boolean decodeUserListRequest(DirectBuffer buffer, int offset, int length) {
        if (!header(buffer, offset, length, USER_LIST_REQUEST, UserListRequestDecoder.BLOCK_LENGTH)) {
            return false;
        }
        listRequestId = listRequestDecoder.wrap(view, WireFormat.HEADER_LENGTH, headerDecoder.blockLength(),
                headerDecoder.version()).requestId();
        return true;
    }

    /** Decodes a UserList chunk; on success {@link #userList()} holds it. */
    public boolean decodeUserList(DirectBuffer buffer, int offset, int length) {
        userList = null;
        if (!header(buffer, offset, length, USER_LIST, UserListDecoder.BLOCK_LENGTH)) {
            return false;
        }
        try {
            UserListDecoder d = listDecoder.wrap(view, WireFormat.HEADER_LENGTH, headerDecoder.blockLength(),
                    headerDecoder.version());
            long requestId = d.requestId();
            long logPosition = d.logPosition();
            boolean last = d.lastRaw() == 1;
            List<UserListing> users = new ArrayList<>();
            for (UserListDecoder.UsersDecoder row : d.users()) {
                long userId = row.userId();
                int roles = row.roleMask();
                short status = row.statusRaw();
                int failures = row.failedSignIns();
                String username = row.username();
                if (status < 0 || status >= UserStatus.values().length) {
                    return reject("unknown user status " + status + " for user " + userId);
                }
                users.add(new UserListing(userId, username, roles, UserStatus.values()[status], failures));
            }
            userList = new UserListChunk(requestId, logPosition, last, List.copyOf(users));
            return true;
        } catch (RuntimeException e) {
            return reject("UserList is truncated or malformed");
        }
    }

    public long listRequestId() {
        return listRequestId;
    }

    public UserListChunk userList() {
        return userList;
    }

    /** Decodes a SessionTokenRequest; on success {@link #tokenRequestId()} holds its id. */
    public boolean decodeTokenRequest(DirectBuffer buffer, int offset, int length) {
        if (!header(buffer, offset, length, TOKEN_REQUEST, SessionTokenRequestDecoder.BLOCK_LENGTH)) {
            return false;
        }
        tokenRequestId = tokenRequestDecoder.wrap(view, WireFormat.HEADER_LENGTH, headerDecoder.blockLength(),
                headerDecoder.version()).requestId();
        return true;
    }

    /** Decodes a SessionToken; on success {@link #token()} holds it. */
    public boolean decodeToken(DirectBuffer buffer, int offset, int length) {
        token = null;
        if (!header(buffer, offset, length, SESSION_TOKEN, SessionTokenDecoder.BLOCK_LENGTH)) {
            return false;
        }
        try {
            SessionTokenDecoder d = tokenDecoder.wrap(view, WireFormat.HEADER_LENGTH, headerDecoder.blockLength(),
                    headerDecoder.version());
            token = new SessionTokenAnswer(d.requestId(), d.expiresAt(), d.token());
            return true;
        } catch (RuntimeException e) {
            return reject("SessionToken is truncated or malformed");
        }
    }

    public long tokenRequestId() {
        return tokenRequestId;
    }

    public SessionTokenAnswer token() {
        return token;
    }

    /** Decodes a UserAdmin; on success {@link #request()} holds it. */
    public boolean decodeAdmin(DirectBuffer buffer, int offset, int length) {
        request = null;
        if (!header(buffer, offset, length, USER_ADMIN, UserAdminDecoder.BLOCK_LENGTH)) {
            return false;
        }
        try {
            UserAdminDecoder d = adminDecoder.wrap(view, WireFormat.HEADER_LENGTH, headerDecoder.blockLength(),
                    headerDecoder.version());
            short actionRaw = d.actionRaw();
            if (actionRaw < 0 || actionRaw >= UserAction.values().length) {
                return reject("unknown user action " + actionRaw);
            }
            long requestId = d.requestId();
            long userId = d.userId();
            int roleMask = d.roleMask();
            Scram.KdfParams params = new Scram.KdfParams(d.kdfMemoryKib(), d.kdfIterations(), d.kdfParallelism());
            String username = d.username();
            byte[] salt = bytes(d.saltLength());
            d.getSalt(salt, 0, salt.length);
            byte[] stored = bytes(d.storedKeyLength());
            d.getStoredKey(stored, 0, stored.length);
            byte[] server = bytes(d.serverKeyLength());
            d.getServerKey(server, 0, server.length);
            if (d.limit() != length) {
                return reject("UserAdmin has " + (length - d.limit()) + " bytes after its last field");
            }
            Scram.Verifier verifier = salt.length == 0 && stored.length == 0 && server.length == 0 ? null
                    : new Scram.Verifier(salt, params, stored, server);
            request = new UserAdminRequest(requestId, UserAction.values()[actionRaw], userId, roleMask, username,
                    verifier);
            return true;
        } catch (RuntimeException e) {
            return reject("UserAdmin is truncated or malformed");
        }
    }

    /** Decodes a Reply; on success {@link #reply()} holds it. */
    public boolean decodeReply(DirectBuffer buffer, int offset, int length) {
        reply = null;
        if (!header(buffer, offset, length, REPLY, ReplyDecoder.BLOCK_LENGTH)) {
            return false;
        }
        try {
            ReplyDecoder d = replyDecoder.wrap(view, WireFormat.HEADER_LENGTH, headerDecoder.blockLength(),
                    headerDecoder.version());
            short status = d.statusRaw();
            if (status < 0 || status >= ReplyStatus.values().length - 1) {
                return reject("unknown reply status " + status);
            }
            long requestId = d.requestId();
            reply = new Reply(requestId, ReplyStatus.get(status), d.reason());
            return true;
        } catch (RuntimeException e) {
            return reject("Reply is truncated or malformed");
        }
    }

    private boolean header(DirectBuffer buffer, int offset, int length, int templateId, int blockLength) {
        String problem = WireFormat.headerProblem(buffer, offset, length, templateId, blockLength);
        if (problem != null) {
            return reject(problem);
        }
        view.wrap(buffer, offset, length);
        headerDecoder.wrap(view, 0);
        return true;
    }

    private static byte[] bytes(int length) {
        if (length < 0 || length > 64) {
            throw new IllegalArgumentException("field of " + length + " bytes");
        }
        return new byte[length];
    }

    private boolean reject(String reason) {
        rejection = reason;
        return false;
    }

    public UserAdminRequest request() {
        return request;
    }

    public Reply reply() {
        return reply;
    }

    public String rejection() {
        return rejection;
    }
}
