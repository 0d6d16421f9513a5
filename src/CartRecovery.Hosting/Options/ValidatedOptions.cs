using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Hosting.Options;

/// <summary>
/// Binds a section and checks it when the host starts (<see cref="OptionsBuilderExtensions.ValidateOnStart{TOptions}"/>):
/// a value that does not convert, or that the validator rejects, stops the server and the Functions worker alike, with
/// the key named, before any request or timer runs.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> AddOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddBoundOptions<TOptions>(configuration, section);
    }

    /// <summary>Bound and checked at start for conversion errors only (a section without rules of its own).</summary>
    public static OptionsBuilder<TOptions> AddBoundOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
}
