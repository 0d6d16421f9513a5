using System.Net;
using Azure;
using CartRecovery.Storage.Tables;
using Polly.Timeout;

namespace CartRecovery.Storage.Tests.Tables;

public sealed class TableRetryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_503_with_retry_after_is_retried_after_the_wait_with_a_freshly_signed_request()
    {
        using var faults = new FaultInjectingHandler((attempt, _, _) => Task.FromResult(attempt == 2 ? ServiceUnavailable(retryAfterSeconds: 1) : null));
        var logger = new ListLogger();
        var (service, table) = await CreateTableAsync(faults, new TableClientOptions { BaseDelay = TimeSpan.FromMilliseconds(1), Logger = logger });
        using var _ = service;

        var etag = await table.UpsertEntityAsync(new TableEntity("private-pk", "private-rk") { ["V"] = 1 }, cancellationToken: Cancel);

        var attempts = faults.Attempts.Skip(1).ToList(); // the first request created the table
        Assert.Equal(2, attempts.Count);
        Assert.Equal(etag, (await table.GetEntityAsync("private-pk", "private-rk", cancellationToken: Cancel)).ETag);
        var logged = Assert.Single(logger.Messages);
        Assert.Equal($"Warning: Table request MERGE {table.Name} failed transiently (503) on attempt 1; retrying in 1000 ms", logged);
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
        var (service, table) = await CreateTableAsync(faults);
        using var _ = service;

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
        var (service, table) = await CreateTableAsync(faults);
        using var _ = service;

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
        var (service, table) = await CreateTableAsync(faults, new TableClientOptions { AttemptTimeout = TimeSpan.FromMilliseconds(300), BaseDelay = TimeSpan.FromMilliseconds(1) });
        using var _ = service;

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1 }, cancellationToken: Cancel);

        Assert.Equal(3, faults.Attempts.Count);
        Assert.Equal(1, (await table.GetEntityAsync("p", "r", cancellationToken: Cancel))["V"]);
    }

    [Fact]
    public async Task When_every_attempt_fails_the_last_failure_surfaces_after_max_attempts()
    {
        using var faults = new FaultInjectingHandler((attempt, _, _) => Task.FromResult(attempt >= 2 ? ErrorResponse(HttpStatusCode.ServiceUnavailable, "ServerBusy") : null));
        var (service, table) = await CreateTableAsync(faults, new TableClientOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1) });
        using var _ = service;

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "r", cancellationToken: Cancel));

        Assert.Equal(503, error.Status);
        Assert.Equal("ServerBusy", error.ErrorCode);
        Assert.Equal(4, faults.Attempts.Count);
    }

    [Fact]
    public async Task Network_errors_are_retried_and_surface_as_status_0_when_they_persist()
    {
        using var faults = new FaultInjectingHandler((attempt, _, _) => attempt >= 2 ? throw new HttpRequestException("connection reset (scripted)") : Task.FromResult<HttpResponseMessage?>(null));
        var (service, table) = await CreateTableAsync(faults, new TableClientOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1) });
        using var _ = service;

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "r", cancellationToken: Cancel));

        Assert.Equal(0, error.Status);
        Assert.IsType<HttpRequestException>(error.InnerException);
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
        var (service, table) = await CreateTableAsync(faults, new TableClientOptions { MaxAttempts = 2, AttemptTimeout = TimeSpan.FromMilliseconds(200), BaseDelay = TimeSpan.FromMilliseconds(1) });
        using var _ = service;

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "r", cancellationToken: Cancel));

        Assert.IsType<TimeoutRejectedException>(error.InnerException);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
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
        var (service, table) = await CreateTableAsync(faults);
        using var _ = service;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => table.GetEntityAsync("p", "r", cancellationToken: cancellation.Token));

        Assert.Equal(2, faults.Attempts.Count);
    }

    [Fact]
    public async Task A_transaction_is_retried_whole_on_a_transient_failure_and_applied_once()
    {
        using var faults = new FaultInjectingHandler((attempt, _, _) => Task.FromResult(attempt == 2 ? ServiceUnavailable(retryAfterSeconds: null) : null));
        var (service, table) = await CreateTableAsync(faults, new TableClientOptions { BaseDelay = TimeSpan.FromMilliseconds(1) });
        using var _ = service;

        var etags = await table.SubmitTransactionAsync(
            Enumerable.Range(0, 10).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}"))),
            Cancel);

        Assert.Equal(10, etags.Count);
        Assert.Equal(3, faults.Attempts.Count);
        Assert.All(faults.Attempts.Skip(1), a => Assert.EndsWith("/$batch", a.Uri.AbsolutePath, StringComparison.Ordinal));
        Assert.Equal(10, await table.QueryAsync(cancellationToken: Cancel).CountAsync(Cancel));
    }

    [Fact]
    public async Task A_transaction_that_fails_inside_is_not_retried()
    {
        using var faults = new FaultInjectingHandler((_, _, _) => Task.FromResult<HttpResponseMessage?>(null));
        var (service, table) = await CreateTableAsync(faults);
        using var _ = service;
        await table.AddEntityAsync(new TableEntity("p", "r0"), Cancel);

        await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("p", "r0"))], Cancel));

        Assert.Equal(3, faults.Attempts.Count);
    }

    [Fact]
    public void Retry_after_is_read_from_seconds_dates_and_milliseconds_and_capped_at_max_delay()
    {
        var options = new TableClientOptions { MaxDelay = TimeSpan.FromSeconds(10), TimeProvider = new CartRecovery.Testing.ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) };
        using var seconds = ServiceUnavailable(retryAfterSeconds: 3);
        using var tooLong = ServiceUnavailable(retryAfterSeconds: 60);
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(new DateTimeOffset(2026, 1, 1, 0, 0, 4, TimeSpan.Zero));
        using var milliseconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        milliseconds.Headers.TryAddWithoutValidation("x-ms-retry-after-ms", "250");
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(3), TableRetryPipeline.RetryAfter(seconds, options));
        Assert.Equal(TimeSpan.FromSeconds(10), TableRetryPipeline.RetryAfter(tooLong, options));
        Assert.Equal(TimeSpan.FromSeconds(4), TableRetryPipeline.RetryAfter(date, options));
        Assert.Equal(TimeSpan.FromMilliseconds(250), TableRetryPipeline.RetryAfter(milliseconds, options));
        Assert.Null(TableRetryPipeline.RetryAfter(none, options));
    }

    private static async Task<(TableServiceClient Service, TableClient Table)> CreateTableAsync(FaultInjectingHandler faults, TableClientOptions? options = null)
    {
        options ??= new TableClientOptions { BaseDelay = TimeSpan.FromMilliseconds(1) };
        options.Transport = faults;
        var service = await AzuriteTables.ServiceAsync(options);
        var table = await AzuriteTables.CreateTableAsync(service);
        return (service, table);
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
