using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Core.Messaging;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Tests.Delivery;

/// <summary>Retry settings and sample messages shared by the provider tests.</summary>
internal static class TestDelivery
{
    public const string Key = "demo.myshopify.com/chk-123/step-1/email";

    public static readonly DeliveryContext Context = new(Key, new DateTimeOffset(2026, 1, 15, 11, 59, 0, TimeSpan.Zero));

    /// <summary>A generous request timeout (on the given clock; a manual one never fires it).</summary>
    public static ProviderHttpFactory Factory(TimeProvider? time = null, TimeSpan? requestTimeout = null) =>
        new(Options.Create(new DeliveryOptions { RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(20) }), time ?? new ManualTimeProvider());

    /// <summary>Real time and a short request timeout, for the timeout tests.</summary>
    public static ProviderHttpFactory TimeoutFactory() => Factory(TimeProvider.System, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Sends again after each <see cref="TransientDeliveryException"/>, up to <paramref name="attempts"/> sends, as the engine
    /// retries a step (providers make one request per send and retry nothing themselves); the last failure is thrown.
    /// </summary>
    public static async Task<T> AsTheEngineRetries<T>(int attempts, Func<Task<T>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await send();
            }
            catch (TransientDeliveryException) when (attempt < attempts)
            {
            }
        }
    }

    public static RenderedMessage Email(string subject = "Your cart is waiting") => new(
        Channel.Email,
        "en",
        subject,
        "Still thinking it over?",
        "<html><body><p>Hi Ana, <a href=\"https://demo.example/r\">complete your purchase</a></p></body></html>",
        "Hi Ana, complete your purchase: https://demo.example/r",
        null,
        "https://demo.example/r",
        new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<https://app.example/u/abc>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        },
        "template",
        null);

    public static RenderedMessage Push() => new(
        Channel.Push, "en", null, null, null, "Your cart misses you: 2 items", "Demo Store", "https://demo.example/r?utm_medium=push", new Dictionary<string, string>(), "template", null);

    /// <summary>Answers every request with <paramref name="status"/> and a JSON body.</summary>
    public static Func<RecordedRequest, HttpContext, Task> Status(int status, string body = "{}", string? retryAfter = null) => (_, context) =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return context.Response.WriteAsync(body);
    };

    /// <summary>Answers with the statuses in turn (the last one repeats).</summary>
    public static Func<RecordedRequest, HttpContext, Task> Sequence(params (int Status, string Body)[] answers)
    {
        var next = 0;
        return (recorded, context) =>
        {
            var (status, body) = answers[Math.Min(Interlocked.Increment(ref next) - 1, answers.Length - 1)];
            return Status(status, body)(recorded, context);
        };
    }

    /// <summary>Never answers in time: waits until the client gives up.</summary>
    public static async Task Hang(RecordedRequest recorded, HttpContext context)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
