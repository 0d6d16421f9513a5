using Azure.Data.Tables;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Incentives;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Shopify;
using CartRecovery.Integrations.ShopifyAdmin;
using CartRecovery.Storage;
using CartRecovery.Storage.Admin;
using CartRecovery.Storage.Incentives;
using CartRecovery.Storage.Security;
using CartRecovery.Testing;
using CartRecovery.Testing.Shopify;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Tests.Incentives;

/// <summary>The issuer on its real adapters: the fake Shopify Admin on loopback, the ledger and the encrypted token on Azurite.</summary>
public sealed class IncentiveIssuerTests : IAsyncLifetime
{
    private const string Shop = "incentives.myshopify.com";
    private readonly HttpClient http = new();
    private FakeShopifyAdmin fake = null!;
    private TableShopAccessTokens tokens = null!;
    private IncentiveIssuer issuer = null!;
    private IncentiveRules rules = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        fake = await FakeShopifyAdmin.StartAsync();
        var tables = new StorageTables(new TableServiceClient(await AzuriteServer.Shared()), Options.Create(new StorageOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] }));
        tokens = new TableShopAccessTokens(tables, new SecretKeyRing(Options.Create(new SecurityOptions { EncryptionKeys = ["k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="] })));
        await tokens.SaveAsync(Shop, new ShopAccess(fake.IssueToken(Shop), ["read_orders", "write_discounts"], DateTimeOffset.UtcNow), Cancel);
        var admin = Options.Create(new ShopifyAdminOptions { AdminBaseUrl = fake.AdminBaseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(5) });
        var app = Options.Create(new ShopifyOptions { ApiKey = FakeShopifyAdmin.ApiKey, ApiSecrets = [FakeShopifyAdmin.ApiSecret] });
        var client = new AdminGraphQlClient(http, admin, TimeProvider.System, NullLogger<AdminGraphQlClient>.Instance);
        var access = new ShopAccessProvider(tokens, new ShopifyOAuthClient(http, app, admin, TimeProvider.System), admin, TimeProvider.System, NullLogger<ShopAccessProvider>.Instance);
        issuer = new IncentiveIssuer(new TableIncentiveLedger(tables), new ShopifyDiscountCodes(client), access, new OptionsWrapper<IncentiveRules>(rules), app, TimeProvider.System, NullLogger<IncentiveIssuer>.Instance);
        fake.Handle("discountCodeBasicCreate", _ => """{"discountCodeBasicCreate":{"codeDiscountNode":{"id":"gid://shopify/DiscountCodeNode/""" + fake.Calls.Count + "\"},\"userErrors\":[]}}");
        fake.Handle("codeDiscountNodeByCode", _ => """{"codeDiscountNodeByCode":{"id":"gid://shopify/DiscountCodeNode/77"}}""");
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task Creates_one_unique_single_use_code_for_the_customer_with_the_rules_value_and_expiry()
    {
        var result = await issuer.IssueAsync(Step("wf-1", customerId: 4242), null, Cancel);

        var offer = result.Offer!;
        Assert.Null(result.Reason);
        Assert.Matches("^CR-[A-Z2-9]{10}$", offer.Code);
        Assert.Equal(10m, offer.PercentOff);
        var input = Assert.Single(fake.Calls).Variables.GetProperty("basicCodeDiscount");
        Assert.Equal(offer.Code, input.GetProperty("code").GetString());
        Assert.Equal(1, input.GetProperty("usageLimit").GetInt32());
        Assert.True(input.GetProperty("appliesOncePerCustomer").GetBoolean());
        Assert.Equal(0.1m, input.GetProperty("customerGets").GetProperty("value").GetProperty("percentage").GetDecimal());
        Assert.Equal("gid://shopify/Customer/4242", input.GetProperty("context").GetProperty("customers").GetProperty("add")[0].GetString());
        Assert.StartsWith(DiscountCodeSpec.TitlePrefix, input.GetProperty("title").GetString(), StringComparison.Ordinal);
        var lifetime = DateTimeOffset.Parse(input.GetProperty("endsAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse(input.GetProperty("startsAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(48), lifetime);
    }

    [Fact]
    public async Task A_retried_step_gets_the_same_code_without_creating_a_second()
    {
        var first = await issuer.IssueAsync(Step("wf-2"), null, Cancel);
        var retried = await issuer.IssueAsync(Step("wf-2"), null, Cancel);

        Assert.Equal(first.Offer, retried.Offer);
        Assert.Single(fake.Calls);
    }

    [Fact]
    public async Task A_step_that_crashed_after_creating_its_code_finds_it_at_shopify()
    {
        var code = issuer.CodeFor(Shop, "wf-3", "final");
        fake.AnswerNext("""{"data":{"discountCodeBasicCreate":{"codeDiscountNode":null,"userErrors":[{"field":["basicCodeDiscount","code"],"message":"Code must be unique. Please try a different code.","code":"TAKEN"}]}}}""");

        var result = await issuer.IssueAsync(Step("wf-3"), null, Cancel);

        Assert.Equal(code, result.Offer!.Code);
        Assert.Equal(2, fake.Calls.Count);
        Assert.Equal(code, fake.Calls[1].Variable("code"));
    }

    [Fact]
    public async Task A_customer_gets_at_most_the_allowed_codes_in_the_window()
    {
        var first = await issuer.IssueAsync(Step("wf-4", email: "same@example.com"), null, Cancel);
        var again = await issuer.IssueAsync(Step("wf-5", email: "SAME@example.com"), null, Cancel);
        var other = await issuer.IssueAsync(Step("wf-6", email: "other@example.com"), null, Cancel);

        Assert.NotNull(first.Offer);
        Assert.Equal(IncentiveResult.None(IncentiveIssuer.CustomerLimit), again);
        Assert.NotNull(other.Offer);
        Assert.Equal(2, fake.Calls.Count);
    }

    [Fact]
    public async Task Without_admin_access_the_static_code_is_offered_or_the_reason_recorded()
    {
        await tokens.DeleteAsync(Shop, Cancel);

        var none = await issuer.IssueAsync(Step("wf-7"), null, Cancel);
        rules.StaticCode = "COMEBACK10";
        rules.StaticCodePercentage = 10;
        var fallback = await issuer.IssueAsync(Step("wf-8"), null, Cancel);

        Assert.Equal(IncentiveResult.None(AdminAccess.NoToken), none);
        Assert.Equal("COMEBACK10", fallback.Offer!.Code);
        Assert.Equal(IncentiveIssuer.StaticCodeOffered, fallback.Reason);
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task Admin_failures_degrade_to_no_incentive_with_a_reason()
    {
        for (var i = 0; i < 3; i++)
        {
            fake.FailNext(503);
        }

        var result = await issuer.IssueAsync(Step("wf-9"), null, Cancel);

        Assert.Equal(IncentiveResult.None(IncentiveIssuer.AdminFailed), result);
    }

    [Fact]
    public async Task The_step_executor_front_applies_the_code_through_the_link_and_skips_steps_without_incentive()
    {
        var inner = new CapturingExecutor();
        var front = new IncentiveStepExecutor(inner, issuer, NullLogger<IncentiveStepExecutor>.Instance);

        await front.ExecuteAsync(Step("wf-10"), Cancel);
        await front.ExecuteAsync(Step("wf-11") with { IncludeIncentive = false }, Cancel);
        await front.ExecuteAsync(Step("wf-12", email: null), Cancel);

        Assert.StartsWith($"https://{Shop}/discount/CR-", inner.Requests[0].Cart.RecoveryUrl, StringComparison.Ordinal);
        Assert.EndsWith("?redirect=%2Fcheckouts%2Fck%2Frecover%3Fkey%3Dk", inner.Requests[0].Cart.RecoveryUrl, StringComparison.Ordinal);
        Assert.NotNull(inner.Requests[0].Incentive);
        Assert.Null(inner.Requests[1].Incentive);
        Assert.Equal(IncentiveStepExecutor.NoContact, inner.Requests[2].IncentiveRefusedReason);
        Assert.Single(fake.Calls);
    }

    private static StepRequest Step(string workflowId, long? customerId = null, string? email = "shopper@example.com")
    {
        var cart = new CartSnapshot(
            Shop, "ck-" + workflowId, CartKind.Checkout, "ct", "ck", customerId is null ? null : new CustomerSnapshot(customerId, "A", "B", 0, 0),
            new ContactInfo(email, null, ConsentState.Subscribed, ConsentState.Unknown), "EUR", 120m, "en",
            [new CartLine(1, 11, "Mug", null, 1, 120m, null, null)], $"https://{Shop}/checkouts/ck/recover?key=k", DateTimeOffset.UtcNow);
        return new StepRequest(workflowId, cart, "final", 2, Channel.Email, MessageIntent.FinalOffer, true, null, StepRequest.KeyFor(Shop, cart.CartKey, "final", Channel.Email));
    }

    private sealed class CapturingExecutor : IStepExecutor
    {
        public List<StepRequest> Requests { get; } = [];

        public Task<StepOutcome> ExecuteAsync(StepRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(StepOutcome.Failed("captured"));
        }

        public Task<StepOutcome> GiveUpAsync(StepRequest request, string reason, CancellationToken cancellationToken) => Task.FromResult(StepOutcome.Failed(reason));
    }
}
