package io.latchkey.webauthn.internal;

import java.nio.charset.StandardCharsets;

import com.yubico.webauthn.data.ByteArray;

import io.latchkey.vault.Vault;

/** How passkey secrets are sealed: each bound to its credential ID and to which field it is. */
public final class PasskeySeal {

    private final Vault vault;

    public PasskeySeal(Vault vault) {
        this.vault = vault;
    }

    public ByteArray sealPublicKey(String credentialId, ByteArray cose) {
        return new ByteArray(vault.seal(cose.getBytes(), aad("public_key", credentialId)));
    }

    public ByteArray openPublicKey(PasskeyEntity passkey) {
        return new ByteArray(vault.open(passkey.publicKeySealed(), aad("public_key", passkey.credentialId())));
    }

    public ByteArray sealUserHandle(String credentialId, ByteArray userHandle) {
        return new ByteArray(vault.seal(userHandle.getBytes(), aad("user_handle", credentialId)));
    }

    public ByteArray openUserHandle(PasskeyEntity passkey) {
        return new ByteArray(vault.open(passkey.userHandleSealed(), aad("user_handle", passkey.credentialId())));
    }

    /** The look-up value for a user handle: a keyed hash, so the column reveals nothing. */
    public String userHandleMac(ByteArray userHandle) {
        return new ByteArray(vault.mac("webauthn-user-handle", userHandle.getBytes())).getBase64Url();
    }

    private static byte[] aad(String field, String credentialId) {
        return ("passkey:" + field + ":" + credentialId).getBytes(StandardCharsets.UTF_8);
    }
}
