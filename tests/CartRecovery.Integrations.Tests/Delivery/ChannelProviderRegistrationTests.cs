using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Outbox;
using CartRecovery.Integrations.Push;
using CartRecovery.Integrations.Sms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Integrations.Tests.Delivery;

public sealed class ChannelProviderRegistrationTests
{
    [Fact]
    public void Without_configuration_email_goes_to_smtp_and_sms_and_push_to_the_outbox()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.IsType<SmtpEmailSender>(services.GetRequiredService<IEmailSender>());
        Assert.IsType<OutboxSender>(services.GetRequiredService<ISmsSender>());
        Assert.IsType<OutboxSender>(services.GetRequiredService<IPushSender>());
    }

    [Fact]
    public void Configuration_picks_each_channels_provider()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Email:Provider"] = "Resend",
            ["Email:Resend:ApiKey"] = "re_x",
            ["Sms:Provider"] = "Twilio",
            ["Push:Provider"] = "WebPush",
        });

        Assert.IsType<ResendEmailSender>(services.GetRequiredService<IEmailSender>());
        Assert.IsType<TwilioSmsSender>(services.GetRequiredService<ISmsSender>());
        Assert.IsType<WebPushSender>(services.GetRequiredService<IPushSender>());
    }

    [Fact]
    public void Acs_is_selectable_for_email_and_sms()
    {
        using var services = Build(new Dictionary<string, string?> { ["Email:Provider"] = "Acs", ["Sms:Provider"] = "Acs" });

        Assert.IsType<AcsEmailSender>(services.GetRequiredService<IEmailSender>());
        Assert.IsType<AcsSmsSender>(services.GetRequiredService<ISmsSender>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddChannelProviders(configuration).BuildServiceProvider();
    }
}
