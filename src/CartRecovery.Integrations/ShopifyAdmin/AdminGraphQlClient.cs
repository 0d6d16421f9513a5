using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Admin.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CartRecovery.Integrations.ShopifyAdmin;

/// <summary>
/// A small client for a shop's GraphQL Admin API at the pinned version: the access token header, cost-based throttling
/// (it waits for the shop's bucket to refill, before a call it expects to be throttled and after a THROTTLED answer),
/// retries of transient failures only, <c>userErrors</c> as <see cref="AdminUserErrorsException"/>, and cursor pagination.
/// Neither the token nor variables are ever logged.
/// </summary>
public sealed partial class AdminGraphQlClient
{
    public const string AccessTokenHeader = "X-Shopify-Access-Token";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly HttpClient http;
    private readonly ShopifyAdminOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<AdminGraphQlClient> logger;
    private readonly ResiliencePipeline pipeline;
    private readonly AdminCostBucket bucket;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, double> lastCostByQuery = new();

    public AdminGraphQlClient(HttpClient http, IOptions<ShopifyAdminOptions> options, TimeProvider time, ILogger<AdminGraphQlClient> logger)
    {
        this.http = http;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        pipeline = AdminResilience.Build(this.options, time);
        bucket = new AdminCostBucket(time);
    }

    /// <summary>Runs <paramref name="query"/> and answers its <c>data</c>; GraphQL <c>errors</c> other than THROTTLED throw <see cref="AdminApiException"/>.</summary>
    public async Task<JsonElement> QueryAsync(string shop, string accessToken, string query, object? variables, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new GraphQlRequest(query, variables), Json);
        var queryKey = StringComparer.Ordinal.GetHashCode(query);
        var giveUpAt = time.GetUtcNow() + options.MaxThrottleWait;
        while (true)
        {
            await WaitForBucketAsync(shop, lastCostByQuery.GetValueOrDefault(queryKey), giveUpAt, cancellationToken).ConfigureAwait(false);
            using var answer = await pipeline.ExecuteAsync(
                async token => await SendAsync(shop, accessToken, body, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            var root = answer.RootElement;
            var requested = RecordCost(shop, root);
            if (requested is { } cost)
            {
                lastCostByQuery[queryKey] = cost;
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                if (errors.EnumerateArray().Any(IsThrottled))
                {
                    LogThrottled(logger, shop, requested ?? 0);
                    lastCostByQuery[queryKey] = requested ?? 1;
                    continue;
                }

                var messages = errors.EnumerateArray().Select(e => e.TryGetProperty("message", out var m) ? m.GetString() : null).OfType<string>();
                throw new AdminApiException($"The Admin API refused the query: {string.Join("; ", messages)}");
            }

            return root.TryGetProperty("data", out var data) ? data.Clone() : throw new AdminApiException("The Admin API answered without data.");
        }
    }

    /// <summary>Runs a mutation and answers its payload (<c>data.{field}</c>); any <c>userErrors</c> throw <see cref="AdminUserErrorsException"/>.</summary>
    public async Task<JsonElement> MutateAsync(string shop, string accessToken, string mutation, object? variables, string field, CancellationToken cancellationToken)
    {
        var data = await QueryAsync(shop, accessToken, mutation, variables, cancellationToken).ConfigureAwait(false);
        if (!data.TryGetProperty(field, out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            throw new AdminApiException($"The Admin API answered {field} without a payload.");
        }

        if (payload.TryGetProperty("userErrors", out var userErrors) && userErrors.ValueKind == JsonValueKind.Array && userErrors.GetArrayLength() > 0)
        {
            throw new AdminUserErrorsException(field, [.. userErrors.EnumerateArray().Select(ParseUserError)]);
        }

        return payload;
    }

    /// <summary>
    /// Every node of the connection at <paramref name="connectionPath"/> (e.g. <c>orders</c>), page after page: the query
    /// takes an <c>$after: String</c> variable and selects <c>pageInfo { hasNextPage endCursor }</c> and <c>nodes</c>.
    /// </summary>
    public async IAsyncEnumerable<JsonElement> PagesAsync(
        string shop,
        string accessToken,
        string query,
        IReadOnlyDictionary<string, object?> variables,
        string[] connectionPath,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var pageVariables = new Dictionary<string, object?>(variables, StringComparer.Ordinal) { ["after"] = after };
            var connection = await QueryAsync(shop, accessToken, query, pageVariables, cancellationToken).ConfigureAwait(false);
            foreach (var name in connectionPath)
            {
                connection = connection.GetProperty(name);
            }

            foreach (var node in connection.GetProperty("nodes").EnumerateArray())
            {
                yield return node;
            }

            var pageInfo = connection.GetProperty("pageInfo");
            after = pageInfo.GetProperty("hasNextPage").GetBoolean() ? pageInfo.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
    }

    private async Task<JsonDocument> SendAsync(string shop, string accessToken, byte[] body, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.BaseUriFor(shop), $"admin/api/{options.AdminApiVersion}/graphql.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation(AccessTokenHeader, accessToken);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
        {
            LogTransient(logger, shop, status);
            throw new TransientAdminException($"The Admin API answered HTTP {status}.", response.Headers.RetryAfter?.Delta);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new AdminApiException($"The Admin API answered HTTP {status}.", status);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            throw new AdminApiException("The Admin API answered a body that is not JSON.", status);
        }
    }

    private async Task WaitForBucketAsync(string shop, double cost, DateTimeOffset giveUpAt, CancellationToken cancellationToken)
    {
        var wait = bucket.WaitFor(shop, cost);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (time.GetUtcNow() + wait > giveUpAt)
        {
            throw new TransientAdminException("The shop's Admin API cost bucket did not refill within the allowed wait.", wait);
        }

        await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the bucket from <c>extensions.cost.throttleStatus</c> and answers the query's requested cost, when given.</summary>
    private double? RecordCost(string shop, JsonElement root)
    {
        if (!root.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("cost", out var cost))
        {
            return null;
        }

        if (cost.TryGetProperty("throttleStatus", out var status)
            && status.TryGetProperty("currentlyAvailable", out var available)
            && status.TryGetProperty("maximumAvailable", out var maximum)
            && status.TryGetProperty("restoreRate", out var rate))
        {
            bucket.Record(shop, available.GetDouble(), maximum.GetDouble(), rate.GetDouble());
        }

        return cost.TryGetProperty("requestedQueryCost", out var requested) && requested.ValueKind == JsonValueKind.Number ? requested.GetDouble() : null;
    }

    private static bool IsThrottled(JsonElement error) =>
        error.TryGetProperty("extensions", out var extensions)
        && extensions.TryGetProperty("code", out var code)
        && code.GetString() == "THROTTLED";

    private static AdminUserError ParseUserError(JsonElement error) => new(
        error.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.Array ? [.. field.EnumerateArray().Select(f => f.ToString())] : [],
        error.TryGetProperty("message", out var message) ? message.GetString() ?? string.Empty : string.Empty,
        error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null);

    private sealed record GraphQlRequest(string Query, object? Variables);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin API of {Shop} throttled a query of cost {Cost}: waiting for the bucket to refill")]
    private static partial void LogThrottled(ILogger logger, string shop, double cost);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin API of {Shop} answered HTTP {Status}: retrying")]
    private static partial void LogTransient(ILogger logger, string shop, int status);
}
