using CartRecovery.Core.Options;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Tracking;

/// <summary>Every link in a message starts with the public base URL, and a short key would make tokens guessable.</summary>
public sealed class AppLinkOptionsValidator : IValidateOptions<AppLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, AppLinkOptions options) =>
        new OptionsChecks(AppLinkOptions.Section)
            .Require(
                Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp),
                nameof(options.PublicBaseUrl),
                "must be an absolute http or https URL",
                options.PublicBaseUrl)
            .Require(
                string.IsNullOrWhiteSpace(options.SigningKey) || options.SigningKey.Length >= TokenSigner.MinKeyLength,
                nameof(options.SigningKey),
                $"must be at least {TokenSigner.MinKeyLength} characters long",
                options.SigningKey is null ? null : $"{options.SigningKey.Length} characters")
            .Result();
}
