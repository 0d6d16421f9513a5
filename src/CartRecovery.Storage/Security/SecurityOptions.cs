namespace CartRecovery.Storage.Security;

/// <summary>
/// Keys that encrypt secrets at rest (section <c>Security</c>): <c>Security:EncryptionKeys:0</c>, <c>:1</c>, … each
/// <c>{id}:{base64 of 32 random bytes}</c>, newest first. The newest encrypts; any listed key decrypts, so a rotation adds a
/// key in front and removes the old one once nothing is encrypted with it. Keep them in Key Vault or app settings, never in files.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    public List<string> EncryptionKeys { get; set; } = [];
}
