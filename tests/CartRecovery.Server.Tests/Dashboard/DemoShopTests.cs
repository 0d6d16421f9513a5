using CartRecovery.Demo;
using CartRecovery.Server.Tests.Hosting;
using CartRecovery.Testing;

namespace CartRecovery.Server.Tests.Dashboard;

/// <summary>
/// The demo shop, short: 200 shoppers through the real webhook endpoint of the real server (an hour per second), emails
/// read from a real MailDev, opens and clicks through the real tracking links. What the measurement API reports is
/// checked against the ground truth where the server offers it; where it does not, the report must say so (null and a reason).
/// </summary>
public sealed class DemoShopTests
{
    private const int Shoppers = 200;

    [Fact]
    public async Task Two_hundred_shoppers_play_through_the_product_and_the_report_compares_truth_with_measurement()
    {
        await using var mail = await MailDevServer.StartAsync();
        await using var server = await ServerHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Shopify:ApiSecrets:0"] = "demo-secret",
                ["Dashboard:DevShop"] = "demo-shop.myshopify.com",
                ["Recovery:TimeScale"] = "3600",
                ["Email:Provider"] = "Smtp",
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["App:SigningKey"] = "demo-signing-key-0123456789abcdef0123",
            },
            environment: "Development");
        var options = new DemoOptions(Shoppers: Shoppers, Seed: 7, Server: server.BaseAddress, Secret: "demo-secret", MailDev: mail.WebAddress, TimeScale: 3600, Progress: false);
        using var client = new ProductClient(options);

        var report = await new DemoRun(options, client, TextWriter.Null).RunAsync(TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToJson());
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "demo-report.json"), report.ToJson(), TestContext.Current.CancellationToken);

        Assert.Equal("demo-shop.myshopify.com", report.Shop);
        Assert.Equal(Shoppers, report.CheckoutsSent);
        // Every shopper who did not buy before the first step got its email (the early organic buyers may not).
        Assert.InRange(report.EmailsSeen, (int)(Shoppers * 0.9), Shoppers * 2);
        Assert.InRange(report.Opens, 1, report.EmailsSeen);
        Assert.InRange(report.Clicks, 1, report.Opens);
        // Expected orders: P(order | messaged) = organic rate + true lift = 16 %; a binomial band of about four sigma.
        Assert.InRange(report.Orders, 12, 56);
        Assert.True(report.TrueRecoveredRevenue > 0);
        Assert.InRange(report.TrueLift, 0.10, 0.11);

        // The measurement API is there: every figure is measured, none is left out.
        var accuracy = Assert.IsType<double>(report.AttributionAccuracy);
        // Seed 000's target is above 95 %, for the full demo. This short run has about 35 orders (one miss is 3 points), and
        // the demo learns "messaged before" from MailDev, which can lag the server's send by a moment: runs measured
        // 88.9-96.3 %. The floor catches a broken attribution (54 % before the demo's fixes) without failing on that lag.
        Assert.True(accuracy >= 0.85, $"attribution accuracy {accuracy:P1}");
        Assert.NotNull(report.MeasuredLift);
        Assert.True(report.TrueLiftInMeasuredInterval, $"true lift {report.TrueLift} outside [{report.MeasuredLift.Low}, {report.MeasuredLift.High}]");

        Assert.Null(report.ExperimentPickedTrueWinner);
        Assert.Contains("experimentPickedTrueWinner", report.Unavailable.Keys);
        Assert.Contains("\"attributionAccuracy\":", report.ToJson(), StringComparison.Ordinal);
    }
}
