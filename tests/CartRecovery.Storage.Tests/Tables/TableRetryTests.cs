using System.Net;
using Azure;
using Azure.Data.Tables;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Tests.Tables;

public sealed class TableRetryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_503_with_retry_after_is_retried_after_the_wait_with_a_freshly_signed_request()
    {
        using var faults = new FaultInjectingHandler((attempt, _, _) => Task.FromResult(attempt == 2 ? ServiceUnavailable(retryAfterSeconds: 1) : null));
        var table = await CreateTableAsync(faults);

        var etag = (await table.UpsertEntityAsync(new TableEntity("private-pk", "private-rk") { ["V"] = 1 }, cancellationToken: Cancel)).NewETag();

        var attempts = faults.Attempts.Skip(1).ToList(); // the first request created the table
        Assert.Equal(2, attempts.Count);
        Assert.Equal(etag, (await table.GetEntityAsync("private-pk", "private-rk", cancellationToken: Cancel)).ETag);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.95), $"waited {attempts[1].At - attempts[0].At}, Retry-After asked for 1 s");
        Assert.NotEqual(attempts[0].Date, attempts[1].Date);
        Assert.NotEqual(attempts[0].Authorization, attempts[1].Authorization);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Transient_statuses_are_retried(HttpStatusCode status)
    {
        using var faults = new FaultInjectingHandler((attempt, _, _) => Task.FromResult(attempt is 2 or 3 ? new HttpResponseMessage(status) : null));
        var table = await CreateTableAsync(faults);

        await table.UpsertEntityAsync(new TableEntity("p", "r"), cancellationToken: Cancel);

        Assert.Equal(4, faults.Attempts.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task Other_failures_are_not_retried(HttpStatusCode status)
    {
        using var faults = new FaultInjectingHandler((attempt, _, _) => Task.FromResult(attempt == 2 ? ErrorResponse(status, "Scripted") : null));
        var table = await CreateTableAsync(faults);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpsertEntityAsync(new TableEntity("p", "r"), cancellationToken: Cancel));

        Assert.Equal((int)status, error.Status);
        Assert.Equal("Scripted", error.ErrorCode);
        Assert.Equal(2, faults.Attempts.Count);
    }

    [Fact]
    public async Task A_hanging_attempt_times_out_and_the_retry_succeeds()
    {
        using var faults = new FaultInjectingHandler(async (attempt, _, token) =>
        {
            if (attempt == 2)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return null;
        });
        var table = await CreateTableAsync(faults, attemptTimeout: TimeSpan.FromMilliseconds(300));

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1 }, cancellationToken: Cancel);

        Assert.Equal(3, faults.Attempts.Count);
        Assert.Equal(1, (await table.GetEntityAsync("p", "r", cancellationToken: Cancel))["V"]);
    }

    [Fact]
    public async Task When_every_attempt_fails_the_last_failure_surfaces_after_max_attempts()
    {
        using var faults = new FaultInjectingHandler((attempt, _, _) => Task.FromResult(attempt >= 2 ? ErrorResponse(HttpStatusCode.ServiceUnavailable, "ServerBusy") : null));
        var table = await CreateTableAsync(faults, maxRetries: 2);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "r", cancellationToken: Cancel));

        Assert.Equal(503, error.Status);
        Assert.Equal("ServerBusy", error.ErrorCode);
        Assert.Equal(4, faults.Attempts.Count);
    }

    [Fact]
    public async Task Network_errors_are_retried_and_surface_as_status_0_when_they_persist()
    {
        using var faults = new FaultInjectingHandler((attempt, _, _) => attempt >= 2 ? throw new HttpRequestException("connection reset (scripted)") : Task.FromResult<HttpResponseMessage?>(null));
        var table = await CreateTableAsync(faults, maxRetries: 2);

        var error = await Assert.ThrowsAsync<AggregateException>(() => table.GetEntityAsync("p", "r", cancellationToken: Cancel));

        Assert.Equal(3, error.InnerExceptions.Count);
        Assert.All(error.InnerExceptions, e => Assert.Equal(0, Assert.IsType<RequestFailedException>(e).Status));
        Assert.All(error.InnerExceptions, e => Assert.IsType<HttpRequestException>(e.InnerException));
        Assert.Equal(4, faults.Attempts.Count);
    }

    [Fact]
    public async Task Attempts_that_all_time_out_surface_as_a_timeout()
    {
        using var faults = new FaultInjectingHandler(async (attempt, _, token) =>
        {
            if (attempt >= 2)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return null;
        });
        var table = await CreateTableAsync(faults, maxRetries: 1, attemptTimeout: TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<AggregateException>(() => table.GetEntityAsync("p", "r", cancellationToken: Cancel));

        Assert.Equal(2, error.InnerExceptions.Count);
        Assert.All(error.InnerExceptions, e => Assert.Contains("timeout", e.Message, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, faults.Attempts.Count);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_retried()
    {
        using var cancellation = new CancellationTokenSource();
        using var faults = new FaultInjectingHandler(async (attempt, _, token) =>
        {
            if (attempt >= 2)
            {
                await cancellation.CancelAsync();
                await Task.Delay(Timeout.Infinite, token);
            }

            return null;
        });
        var table = await CreateTableAsync(faults);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => table.GetEntityAsync("p", "r", cancellationToken: cancellation.Token));

        Assert.Equal(2, faults.Attempts.Count);
    }

    [Fact]
    public async Task A_transaction_is_retried_whole_on_a_transient_failure_and_applied_once()
    {
        using var faults = new FaultInjectingHandler((attempt, _, _) => Task.FromResult(attempt == 2 ? ServiceUnavailable(retryAfterSeconds: null) : null));
        var table = await CreateTableAsync(faults);

        var responses = await table.SubmitTransactionAsync(
            Enumerable.Range(0, 10).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}"))),
            Cancel);

        Assert.Equal(10, responses.Value.Count);
        Assert.Equal(3, faults.Attempts.Count);
        Assert.All(faults.Attempts.Skip(1), a => Assert.EndsWith("/$batch", a.Uri.AbsolutePath, StringComparison.Ordinal));
        Assert.Equal(10, await table.QueryAsync(cancellationToken: Cancel).CountAsync(Cancel));
    }

    [Fact]
    public async Task A_transaction_that_fails_inside_is_not_retried()
    {
        using var faults = new FaultInjectingHandler((_, _, _) => Task.FromResult<HttpResponseMessage?>(null));
        var table = await CreateTableAsync(faults);
        await table.AddEntityAsync(new TableEntity("p", "r0"), Cancel);

        await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("p", "r0"))], Cancel));

        Assert.Equal(3, faults.Attempts.Count);
    }

    private static async Task<TableClient> CreateTableAsync(FaultInjectingHandler faults, int maxRetries = StorageClientOptions.MaxRetries, TimeSpan? attemptTimeout = null)
    {
        var service = await AzuriteTables.ServiceAsync(StorageClientOptions.Create(faults, maxRetries, TimeSpan.FromMilliseconds(1), attemptTimeout));
        return await AzuriteTables.CreateTableAsync(service);
    }

    private static HttpResponseMessage ServiceUnavailable(int? retryAfterSeconds)
    {
        var response = ErrorResponse(HttpStatusCode.ServiceUnavailable, "ServerBusy");
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }

    private static HttpResponseMessage ErrorResponse(HttpStatusCode status, string code) => new(status)
    {
        Content = new StringContent("{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\"scripted failure\"}}}", System.Text.Encoding.UTF8, "application/json"),
    };
}
