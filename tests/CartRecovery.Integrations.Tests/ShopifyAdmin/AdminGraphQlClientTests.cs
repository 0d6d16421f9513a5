using System.Diagnostics;
using System.Text.Json;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Admin.Errors;
using CartRecovery.Integrations.ShopifyAdmin;
using CartRecovery.Testing.Shopify;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Tests.ShopifyAdmin;

public sealed class AdminGraphQlClientTests : IAsyncLifetime
{
    private const string Shop = "demo.myshopify.com";
    private readonly HttpClient http = new();
    private FakeShopifyAdmin fake = null!;
    private string token = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        fake = await FakeShopifyAdmin.StartAsync();
        token = fake.IssueToken(Shop);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await fake.DisposeAsync();
    }

    private AdminGraphQlClient Client(Action<ShopifyAdminOptions>? configure = null)
    {
        var options = new ShopifyAdminOptions { AdminBaseUrl = fake.AdminBaseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(5), MaxThrottleWait = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        return new AdminGraphQlClient(http, Options.Create(options), TimeProvider.System, NullLogger<AdminGraphQlClient>.Instance);
    }

    [Fact]
    public async Task Posts_query_and_variables_as_json_with_the_token_header_to_the_pinned_version()
    {
        fake.Handle("shop {", _ => """{"shop":{"name":"Demo"}}""");

        var data = await Client().QueryAsync(Shop, token, "query Shop($id: ID) { shop { name } }", new { id = "gid://shopify/Shop/1" }, Cancel);

        Assert.Equal("Demo", data.GetProperty("shop").GetProperty("name").GetString());
        var call = Assert.Single(fake.Calls);
        Assert.Equal(token, call.AccessToken);
        Assert.Equal("query Shop($id: ID) { shop { name } }", call.Query);
        Assert.Equal("gid://shopify/Shop/1", call.Variable("id"));
        Assert.Equal("2026-07", ShopifyAdminOptions.PinnedApiVersion);
    }

    [Fact]
    public async Task A_throttled_query_waits_for_the_bucket_and_then_succeeds()
    {
        fake.Handle("shop {", _ => """{"shop":{"name":"Demo"}}""");
        // 40 points missing at 200 points per second: about 200 ms of waiting.
        fake.ThrottleNext(currentlyAvailable: 10, requestedCost: 50, restoreRate: 200);

        var clock = Stopwatch.StartNew();
        var data = await Client().QueryAsync(Shop, token, "{ shop { name } }", null, Cancel);

        Assert.Equal("Demo", data.GetProperty("shop").GetProperty("name").GetString());
        Assert.Equal(2, fake.Calls.Count);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_bucket_that_needs_longer_than_the_allowed_wait_is_a_transient_failure()
    {
        fake.ThrottleNext(currentlyAvailable: 0, requestedCost: 1000, restoreRate: 10);

        var failure = await Assert.ThrowsAsync<TransientAdminException>(
            () => Client(o => o.MaxThrottleWait = TimeSpan.FromSeconds(1)).QueryAsync(Shop, token, "{ shop { name } }", null, Cancel));

        Assert.InRange(failure.RetryAfter!.Value, TimeSpan.FromSeconds(99), TimeSpan.FromSeconds(101));
        Assert.Single(fake.Calls);
    }

    [Fact]
    public async Task User_errors_are_typed_and_not_retried()
    {
        fake.AnswerNext("""
            {"data":{"discountCodeBasicCreate":{"codeDiscountNode":null,"userErrors":[{"field":["basicCodeDiscount","code"],"message":"Code must be unique.","code":"TAKEN"}]}}}
            """);

        var failure = await Assert.ThrowsAsync<AdminUserErrorsException>(
            () => Client().MutateAsync(Shop, token, "mutation { discountCodeBasicCreate { userErrors { field message code } } }", null, "discountCodeBasicCreate", Cancel));

        var error = Assert.Single(failure.Errors);
        Assert.Equal(["basicCodeDiscount", "code"], error.Field);
        Assert.Equal("TAKEN", error.Code);
        Assert.True(failure.HasCode("TAKEN"));
        Assert.Single(fake.Calls);
    }

    [Fact]
    public async Task A_5xx_is_retried_and_the_next_answer_wins()
    {
        fake.Handle("shop {", _ => """{"shop":{"name":"Demo"}}""");
        fake.FailNext(503);
        fake.FailNext(502);

        var data = await Client().QueryAsync(Shop, token, "{ shop { name } }", null, Cancel);

        Assert.Equal("Demo", data.GetProperty("shop").GetProperty("name").GetString());
        Assert.Equal(3, fake.Calls.Count);
    }

    [Fact]
    public async Task Repeated_5xx_give_up_after_the_configured_attempts_as_transient()
    {
        for (var i = 0; i < 5; i++)
        {
            fake.FailNext(500);
        }

        await Assert.ThrowsAsync<TransientAdminException>(() => Client(o => o.MaxAttempts = 2).QueryAsync(Shop, token, "{ shop { name } }", null, Cancel));

        Assert.Equal(2, fake.Calls.Count);
    }

    [Fact]
    public async Task A_revoked_token_is_access_denied_and_not_retried()
    {
        fake.Revoke(Shop);

        var failure = await Assert.ThrowsAsync<AdminApiException>(() => Client().QueryAsync(Shop, token, "{ shop { name } }", null, Cancel));

        Assert.True(failure.IsAccessDenied);
        Assert.DoesNotContain(token, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_errors_are_permanent()
    {
        var failure = await Assert.ThrowsAsync<AdminApiException>(() => Client().QueryAsync(Shop, token, "{ nothingHere }", null, Cancel));

        Assert.Contains("Field is not defined", failure.Message, StringComparison.Ordinal);
        Assert.Single(fake.Calls);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_until_the_last_page()
    {
        fake.Handle("orders(", call => call.Variable("after") switch
        {
            "" or null => """{"orders":{"pageInfo":{"hasNextPage":true,"endCursor":"c1"},"nodes":[{"id":"1"},{"id":"2"}]}}""",
            "c1" => """{"orders":{"pageInfo":{"hasNextPage":false,"endCursor":"c2"},"nodes":[{"id":"3"}]}}""",
            _ => throw new InvalidOperationException("unexpected cursor"),
        });

        var ids = new List<string>();
        await foreach (var node in Client().PagesAsync(Shop, token, "query($after: String, $q: String) { orders(first: 2, after: $after, query: $q) { pageInfo { hasNextPage endCursor } nodes { id } } }", new Dictionary<string, object?> { ["q"] = "updated_at:>2026" }, ["orders"], Cancel))
        {
            ids.Add(node.GetProperty("id").GetString()!);
        }

        Assert.Equal(["1", "2", "3"], ids);
        Assert.Equal(2, fake.Calls.Count);
        Assert.Equal(JsonValueKind.Null, fake.Calls[0].Variables.GetProperty("after").ValueKind);
        Assert.Equal("c1", fake.Calls[1].Variable("after"));
        Assert.All(fake.Calls, c => Assert.Equal("updated_at:>2026", c.Variable("q")));
    }
}
