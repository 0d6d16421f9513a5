using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Testing.Shopify;

/// <summary>
/// A fake Shopify on loopback, one path prefix per shop (<see cref="AdminBaseUrl"/> is what <c>Shopify:AdminBaseUrl</c>
/// takes): the OAuth token endpoint and the GraphQL Admin API. It checks the wire format as Shopify does (JSON bodies,
/// the grant fields, the access token header, <c>query</c> and <c>variables</c>, the pinned version) and answers 400/401
/// when it is wrong. Tests script answers: THROTTLED, user errors, 5xx, and data per operation (<see cref="Handle"/>).
/// </summary>
public sealed partial class FakeShopifyAdmin : IAsyncDisposable
{
    private readonly LoopbackHttpServer server;
    private readonly ConcurrentDictionary<string, string> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Func<AdminCall, FakeAnswer?>> scripted = new();
    private readonly ConcurrentQueue<AdminCall> calls = new();
    private readonly ConcurrentQueue<OAuthCall> grants = new();
    private readonly List<(string Operation, Func<AdminCall, string> Data)> handlers = [];

    private FakeShopifyAdmin(LoopbackHttpServer server, string apiVersion)
    {
        this.server = server;
        ApiVersion = apiVersion;
        server.Respond = RespondAsync;
    }

    public const string ApiKey = "fake-api-key";
    public const string ApiSecret = "fake-api-secret";

    public string ApiVersion { get; }

    /// <summary>The value for <c>Shopify:AdminBaseUrl</c>.</summary>
    public string AdminBaseUrl => server.BaseAddress + "{shop}";

    public IReadOnlyList<AdminCall> Calls => [.. calls];

    public IReadOnlyList<OAuthCall> Grants => [.. grants];

    /// <summary>The scopes the fake grants with a token.</summary>
    public string GrantedScopes { get; set; } = "read_orders,read_products,read_inventory,write_discounts";

    /// <summary>When set, grants carry <c>expires_in</c> and a refresh token.</summary>
    public int? ExpiresInSeconds { get; set; }

    public static async Task<FakeShopifyAdmin> StartAsync(string apiVersion = "2026-07") =>
        new(await LoopbackHttpServer.StartAsync(), apiVersion);

    /// <summary>A token the fake accepts for <paramref name="shop"/>, as if the shop had installed the app.</summary>
    public string IssueToken(string shop)
    {
        var token = "shpat_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        tokens[shop] = token;
        return token;
    }

    public void Revoke(string shop) => tokens.TryRemove(shop, out _);

    public string? TokenOf(string shop) => tokens.GetValueOrDefault(shop);

    /// <summary>An authorization code the fake will trade once for a token of <paramref name="shop"/>.</summary>
    public string IssueCode(string shop)
    {
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        codes[code] = shop;
        return code;
    }

    /// <summary>Answers GraphQL calls whose query contains <paramref name="operation"/> with <c>{"data": …}</c> from <paramref name="data"/>.</summary>
    public void Handle(string operation, Func<AdminCall, string> data)
    {
        lock (handlers)
        {
            handlers.RemoveAll(h => h.Operation == operation);
            handlers.Add((operation, data));
        }
    }

    /// <summary>The next GraphQL call is throttled with the given bucket (the one after that is answered normally).</summary>
    public void ThrottleNext(double currentlyAvailable = 10, double requestedCost = 50, double restoreRate = 1000) =>
        scripted.Enqueue(_ => new FakeAnswer(200,
            """{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED","documentation":"https://shopify.dev/api/usage/rate-limits"}}],"extensions":{"cost":{"requestedQueryCost":"""
            + Number(requestedCost) + ""","actualQueryCost":null,"throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":"""
            + Number(currentlyAvailable) + ""","restoreRate":""" + Number(restoreRate) + "}}}}"));

    /// <summary>The next GraphQL call answers <paramref name="status"/> with a Shopify-style error body.</summary>
    public void FailNext(int status, string? retryAfter = null) =>
        scripted.Enqueue(_ => new FakeAnswer(status, """{"errors":"Internal Server Error"}""", retryAfter));

    /// <summary>The next GraphQL call is answered with this raw body (e.g. a payload with userErrors).</summary>
    public void AnswerNext(string body) => scripted.Enqueue(_ => new FakeAnswer(200, body));

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private static string Number(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static FakeAnswer Data(string data) => new(200, """{"data":""" + data
        + ""","extensions":{"cost":{"requestedQueryCost":10,"actualQueryCost":10,"throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1990,"restoreRate":100.0}}}}""");

    private async Task RespondAsync(RecordedRequest request, HttpContext context)
    {
        var answer = Route(request);
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        if (answer.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        }

        await context.Response.WriteAsync(answer.Body);
    }

    private FakeAnswer Route(RecordedRequest request)
    {
        var parts = request.Path.Trim('/').Split('/', 2);
        if (parts.Length < 2 || request.Method != "POST")
        {
            return new FakeAnswer(404, """{"errors":"Not Found"}""");
        }

        var (shop, rest) = (parts[0], "/" + parts[1]);
        if (rest == "/admin/oauth/access_token")
        {
            return Grant(shop, request);
        }

        return rest == $"/admin/api/{ApiVersion}/graphql.json" ? GraphQl(shop, request) : new FakeAnswer(404, """{"errors":"Not Found"}""");
    }

    private FakeAnswer Grant(string shop, RecordedRequest request)
    {
        if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return new FakeAnswer(400, """{"error":"invalid_request"}""");
        }

        using var body = JsonDocument.Parse(request.Body);
        var fields = body.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
        grants.Enqueue(new OAuthCall(shop, fields));
        if (fields.GetValueOrDefault("client_id") != ApiKey || fields.GetValueOrDefault("client_secret") != ApiSecret)
        {
            return new FakeAnswer(401, """{"error":"invalid_client"}""");
        }

        var valid = fields.GetValueOrDefault("grant_type") switch
        {
            "urn:ietf:params:oauth:grant-type:token-exchange" =>
                fields.GetValueOrDefault("subject_token") is { Length: > 0 }
                && fields.GetValueOrDefault("subject_token_type") == "urn:ietf:params:oauth:token-type:id_token"
                && fields.GetValueOrDefault("requested_token_type") == "urn:shopify:params:oauth:token-type:offline-access-token",
            "refresh_token" => fields.GetValueOrDefault("refresh_token") is { Length: > 0 },
            null => fields.TryGetValue("code", out var code) && codes.TryRemove(code, out var codeShop) && codeShop == shop,
            _ => false,
        };
        if (!valid)
        {
            return new FakeAnswer(400, """{"error":"invalid_grant"}""");
        }

        var token = IssueToken(shop);
        var expiry = ExpiresInSeconds is { } seconds
            ? $$""","expires_in":{{seconds}},"refresh_token":"shprt_{{Guid.NewGuid():N}}","refresh_token_expires_in":7776000"""
            : string.Empty;
        return new FakeAnswer(200, $$"""{"access_token":"{{token}}","scope":"{{GrantedScopes}}"{{expiry}}}""");
    }

    private FakeAnswer GraphQl(string shop, RecordedRequest request)
    {
        var token = request.Header("X-Shopify-Access-Token");
        if (token is null || tokens.GetValueOrDefault(shop) != token)
        {
            return new FakeAnswer(401, """{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}""");
        }

        if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return new FakeAnswer(415, """{"errors":"Unsupported Media Type"}""");
        }

        JsonDocument body;
        try
        {
            body = JsonDocument.Parse(request.Body);
        }
        catch (JsonException)
        {
            return new FakeAnswer(400, """{"errors":{"query":"Required parameter missing or invalid"}}""");
        }

        using (body)
        {
            if (!body.RootElement.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            {
                return new FakeAnswer(400, """{"errors":{"query":"Required parameter missing or invalid"}}""");
            }

            var variables = body.RootElement.TryGetProperty("variables", out var v) ? v.Clone() : default;
            if (variables.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
            {
                return new FakeAnswer(200, """{"errors":[{"message":"Variables must be an object"}]}""");
            }

            var call = new AdminCall(shop, token, query.GetString()!, variables);
            calls.Enqueue(call);
            if (scripted.TryDequeue(out var next) && next(call) is { } scriptedAnswer)
            {
                return scriptedAnswer;
            }

            Func<AdminCall, string>? handler;
            lock (handlers)
            {
                handler = handlers.FirstOrDefault(h => call.Query.Contains(h.Operation, StringComparison.Ordinal)).Data;
            }

            if (handler is null && Connection(call) is { } connection)
            {
                return connection;
            }

            if (handler is null)
            {
                return new FakeAnswer(200, """{"errors":[{"message":"Field is not defined on QueryRoot","extensions":{"code":"undefinedField"}}]}""");
            }

            return Data(handler(call));
        }
    }
}
