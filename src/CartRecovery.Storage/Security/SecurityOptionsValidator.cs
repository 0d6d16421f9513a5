using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Security;

/// <summary>Every key is <c>{id}:{base64}</c> with a 256-bit key and an id used once; no key at all is allowed (secrets then cannot be stored).</summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var failures = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.EncryptionKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.EncryptionKeys[i]))
            {
                continue; // an empty setting (e.g. an unset app setting) is no key
            }

            if (!SecretKeyRing.TryParse(options.EncryptionKeys[i], out var id, out _))
            {
                failures.Add($"Security:EncryptionKeys:{i} must be '{{id}}:{{base64 of 32 bytes}}' with an id of letters, digits, '-' or '_'.");
            }
            else if (!ids.Add(id))
            {
                failures.Add($"Security:EncryptionKeys:{i} reuses the key id '{id}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
