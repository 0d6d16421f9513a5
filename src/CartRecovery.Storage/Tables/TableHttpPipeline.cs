using System.Net;
using Azure;
using Azure.Identity;
using Polly;
using Polly.Timeout;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// Sends Table requests: one pooled <see cref="HttpClient"/> per account, each attempt a fresh, freshly signed message,
/// through the retry pipeline. Transport failures and timeouts that outlast the retries surface as
/// <see cref="RequestFailedException"/> with status 0 (as Azure.Core reports them), the cause as inner exception.
/// </summary>
internal sealed class TableHttpPipeline : IDisposable
{
    private readonly HttpClient client;
    private readonly ITableRequestAuthorizer authorizer;
    private readonly ResiliencePipeline<HttpResponseMessage> retrying;
    private readonly ResiliencePipeline<HttpResponseMessage> singleAttempt;
    private readonly TimeSpan attemptTimeout;

    public TableHttpPipeline(Uri endpoint, ITableRequestAuthorizer authorizer, TableClientOptions options)
    {
        Endpoint = endpoint;
        EndpointPrefix = endpoint.AbsoluteUri.TrimEnd('/') + "/";
        this.authorizer = authorizer;
        attemptTimeout = options.AttemptTimeout;
        client = new HttpClient(options.Transport ?? CreateHandler(), disposeHandler: options.Transport is null)
        {
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline times each attempt
        };
        retrying = TableRetryPipeline.Create(options, retry: true);
        singleAttempt = TableRetryPipeline.Create(options, retry: false);
    }

    public Uri Endpoint { get; }

    /// <summary>The endpoint with a trailing slash, to which resource paths are appended.</summary>
    public string EndpointPrefix { get; }

    public Uri ResourceUri(string relative) => new(EndpointPrefix + relative);

    /// <summary>Sends <paramref name="request"/>, retrying transient failures unless <paramref name="retry"/> is false; the response body is buffered.</summary>
    public async Task<HttpResponseMessage> SendAsync(TableRequest request, CancellationToken cancellationToken, bool retry = true)
    {
        var pipeline = retry ? retrying : singleAttempt;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TableRetryPipeline.RequestKey, request);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (context, state) =>
                {
                    using var message = state.request.CreateMessage();
                    await state.self.authorizer.AuthorizeAsync(message, context.CancellationToken).ConfigureAwait(false);
                    return await state.self.client.SendAsync(message, HttpCompletionOption.ResponseContentRead, context.CancellationToken).ConfigureAwait(false);
                },
                context,
                (request, self: this)).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new RequestFailedException(0, $"The Table service did not answer {request.Describe()} within {attemptTimeout.TotalSeconds:0.###} s.", e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new RequestFailedException(0, $"No token for the Table service at {Endpoint.Authority}: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new RequestFailedException(0, $"The Table service at {Endpoint.Authority} could not be reached: {e.Message}", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose() => client.Dispose();

    private static SocketsHttpHandler CreateHandler() => new()
    {
        // Thousands of writes a second need many concurrent connections; a bounded lifetime follows DNS changes.
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        EnableMultipleHttp2Connections = true,
    };
}
