using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Email;

/// <summary>Checked at start: a half-configured DKIM key or an unreadable one stops the host instead of failing every send.</summary>
internal sealed class EmailOptionsValidation : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options) =>
        DkimMessageSigner.Problem(options.Dkim) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
