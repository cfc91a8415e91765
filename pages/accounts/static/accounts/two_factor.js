// After a passkey is added, reload the two-factor page so that it lists the new passkey.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.setTimeout(() => window.location.reload(), 800);
});
