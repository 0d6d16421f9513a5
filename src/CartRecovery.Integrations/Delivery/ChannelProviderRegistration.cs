using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Outbox;
using CartRecovery.Integrations.Push;
using CartRecovery.Integrations.Sms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Delivery;

/// <summary>
/// Registers one provider per channel, chosen by configuration: <c>Email:Provider</c> (Smtp|Resend|Acs, default Smtp to
/// MailDev), <c>Sms:Provider</c> (Outbox|Acs|Twilio) and <c>Push:Provider</c> (Outbox|WebPush), both defaulting to the outbox.
/// </summary>
public static class ChannelProviderRegistration
{
    public static IServiceCollection AddChannelProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Checked at start: a value that does not convert stops the host with the key named.
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section)).ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.Section)).ValidateOnStart();
        services.AddOptions<PushOptions>().Bind(configuration.GetSection(PushOptions.Section)).ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>());
        services.TryAddSingleton<ProviderHttpFactory>();
        services.TryAddSingleton<OutboxSender>();

        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        _ = email.Provider switch
        {
            EmailProviderKind.Resend => services.AddHttpClient<IEmailSender, ResendEmailSender>(),
            EmailProviderKind.Acs => services.AddHttpClient<IEmailSender, AcsEmailSender>(),
            _ => null,
        };
        if (email.Provider == EmailProviderKind.Smtp)
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        var sms = configuration.GetSection(SmsOptions.Section).Get<SmsOptions>() ?? new SmsOptions();
        _ = sms.Provider switch
        {
            SmsProviderKind.Acs => services.AddHttpClient<ISmsSender, AcsSmsSender>(),
            SmsProviderKind.Twilio => services.AddHttpClient<ISmsSender, TwilioSmsSender>(),
            _ => null,
        };
        if (sms.Provider == SmsProviderKind.Outbox)
        {
            services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<OutboxSender>());
        }

        var push = configuration.GetSection(PushOptions.Section).Get<PushOptions>() ?? new PushOptions();
        if (push.Provider == PushProviderKind.WebPush)
        {
            services.AddHttpClient<IPushSender, WebPushSender>();
        }
        else
        {
            services.AddSingleton<IPushSender>(sp => sp.GetRequiredService<OutboxSender>());
        }

        return services;
    }
}
