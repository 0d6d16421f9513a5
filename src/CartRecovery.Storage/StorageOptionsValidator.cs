using CartRecovery.Core.Options;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage;

/// <summary>Where the tables live must be stated in a usable form; the connection string itself is parsed by the client.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        new OptionsChecks(StorageOptions.Section)
            .Require(
                string.IsNullOrWhiteSpace(options.TableEndpoint) || Uri.TryCreate(options.TableEndpoint, UriKind.Absolute, out _),
                nameof(options.TableEndpoint),
                "must be an absolute URL such as https://account.table.core.windows.net",
                options.TableEndpoint)
            .Require(
                !string.IsNullOrWhiteSpace(options.TableEndpoint) || !string.IsNullOrWhiteSpace(options.ConnectionString),
                nameof(options.ConnectionString),
                "must be set when Storage:TableEndpoint is not",
                string.Empty)
            .Result();
}
