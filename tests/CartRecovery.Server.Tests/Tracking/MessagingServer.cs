using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Tests.Fakes;
using CartRecovery.Core.Tracking;
using CartRecovery.Core.Workflow;
using CartRecovery.Server.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Server.Tests.Tracking;

/// <summary>
/// The real server with test implementations of the ports other concerns own (message store, popup store, workflow engine),
/// its links pointing at itself, and one store whose storefront domain is <paramref name="storefrontHost"/>.
/// </summary>
internal sealed class MessagingServer : IAsyncDisposable
{
    public const string Shop = "zoe-s-store.myshopify.com";
    public const string SigningKey = "server-test-signing-key-0123456789abcdef";

    private MessagingServer(ServerHost host, RecordingMessageEvents events, RecordingWorkflows workflows, FakePopupMessages popups)
    {
        Host = host;
        Events = events;
        Workflows = workflows;
        Popups = popups;
    }

    public ServerHost Host { get; }

    public RecordingMessageEvents Events { get; }

    public RecordingWorkflows Workflows { get; }

    public FakePopupMessages Popups { get; }

    public Uri BaseAddress => Host.BaseAddress;

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public static async Task<MessagingServer> StartAsync(string storefrontHost = "localhost")
    {
        var events = new RecordingMessageEvents();
        var workflows = new RecordingWorkflows();
        var popups = new FakePopupMessages();
        var host = await ServerHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["App:SigningKey"] = SigningKey,
                ["App:AllowInsecureRedirects"] = "true",
                ["App:UnsubscribeMailto"] = "unsubscribe@recover.example",
                ["Shops:0:Shop"] = Shop,
                ["Shops:0:Name"] = "Zoë's Store",
                ["Shops:0:DefaultLocale"] = "en",
                ["Shops:0:Domains:0"] = storefrontHost,
            },
            services =>
            {
                services.AddSingleton<IMessageEvents>(events);
                services.AddSingleton<IRecoveryWorkflows>(workflows);
                services.AddSingleton<IPopupMessages>(popups);
            });

        // The listener's port is chosen at start, so the public base URL (App:PublicBaseUrl) is pointed at it afterwards.
        host.Services.GetRequiredService<AppLinkOptions>().PublicBaseUrl = host.BaseAddress.ToString().TrimEnd('/');
        return new MessagingServer(host, events, workflows, popups);
    }

    public static StepRequest Step(Channel channel, string recoveryUrl, params CartLine[] lines)
    {
        var items = lines.Length > 0 ? lines : [new CartLine(1, 11, "Ceramic Mug", "Blue", 2, 24.5m, null, "M-1")];
        var cart = new CartSnapshot(
            Shop, "chk-1", CartKind.Checkout, "cart-abc", "chk-1",
            new CustomerSnapshot(42, "Zoë", "Doe", 0, 0m),
            new ContactInfo("Zoe@Example.com", "+49 151 12345678", ConsentState.Subscribed, ConsentState.Subscribed),
            "EUR", items.Sum(l => l.Price * l.Quantity), "de-DE", items, recoveryUrl, DateTimeOffset.UtcNow);
        return new StepRequest("cart-wf1", cart, "step-1", 0, channel, MessageIntent.HelpfulReminder, false, null, StepRequest.KeyFor(Shop, "chk-1", "step-1", channel));
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
