// Stand-ins for package Microsoft.DurableTask.Abstractions (microsoft/durabletask-dotnet, src/Abstractions/). Each type
// keeps the overloads of the real one that could compete in overload resolution with the calls the sources make, not
// only the overload they pick. Every member used here is present since 1.0.x (CHANGELOG.md; see
// docs/functions-compile-check.md), so also in the 1.3 minimum.
#pragma warning disable CS1591

using Microsoft.Extensions.Logging;

namespace Microsoft.DurableTask
{
    // src/Abstractions/TaskName.cs: readonly struct, implicit conversions both ways with string.
    public readonly struct TaskName : IEquatable<TaskName>
    {
        public TaskName(string name)
        {
            Name = name;
            Version = string.Empty;
        }

        public string Name { get; }

        public string Version { get; }

        public static implicit operator string(TaskName value) => value.Name;

        public static implicit operator TaskName(string value) => new(value);

        public static bool operator ==(TaskName a, TaskName b) => a.Equals(b);

        public static bool operator !=(TaskName a, TaskName b) => !a.Equals(b);

        public bool Equals(TaskName other) => throw new NotImplementedException();

        public override bool Equals(object? obj) => throw new NotImplementedException();

        public override int GetHashCode() => throw new NotImplementedException();
    }

    // src/Abstractions/RetryPolicy.cs: (int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0,
    // TimeSpan? maxRetryInterval = null, TimeSpan? retryTimeout = null). The real constructor throws
    // ArgumentOutOfRangeException for attempts <= 0, first interval <= 0, coefficient < 1, max interval < first interval.
    public class RetryPolicy
    {
        public RetryPolicy(
            int maxNumberOfAttempts,
            TimeSpan firstRetryInterval,
            double backoffCoefficient = 1.0,
            TimeSpan? maxRetryInterval = null,
            TimeSpan? retryTimeout = null) => throw new NotImplementedException();
    }

    // src/Abstractions/TaskRetryOptions.cs: sealed, implicit conversion from RetryPolicy.
    public sealed class TaskRetryOptions
    {
        public TaskRetryOptions(RetryPolicy policy) => throw new NotImplementedException();

        public static implicit operator TaskRetryOptions(RetryPolicy policy) => throw new NotImplementedException();
    }

    // src/Abstractions/TaskOptions.cs: record TaskOptions (positional TaskRetryOptions? Retry = null in 1.x; a constructor
    // with the same parameter in later versions), static FromRetryPolicy(RetryPolicy).
    public record TaskOptions(TaskRetryOptions? Retry = null)
    {
        public static TaskOptions FromRetryPolicy(RetryPolicy policy) => throw new NotImplementedException();

        public static TaskOptions FromRetryHandler(AsyncRetryHandler handler) => throw new NotImplementedException();
    }

    // src/Abstractions/RetryHandler.cs: delegate Task<bool> AsyncRetryHandler(RetryContext retryContext).
    public delegate Task<bool> AsyncRetryHandler(RetryContext retryContext);

    // src/Abstractions/RetryHandler.cs: record RetryContext(TaskOrchestrationContext OrchestrationContext, int LastAttemptNumber,
    // TaskFailureDetails LastFailure, TimeSpan TotalRetryTime, CancellationToken CancellationToken); LastAttemptNumber counts
    // failures from 1 (src/Worker/Core/Shims/TaskOrchestrationContextWrapper.cs, InvokeWithCustomRetryHandler).
    public record RetryContext(TaskOrchestrationContext OrchestrationContext, int LastAttemptNumber, TaskFailureDetails LastFailure, TimeSpan TotalRetryTime, CancellationToken CancellationToken);

    // src/Abstractions/TaskOptions.cs (same file, namespace Microsoft.DurableTask, not .Client):
    // public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null).
    public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);

    // src/Abstractions/TaskFailureDetails.cs
    public record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure);

    // src/Abstractions/TaskFailedException.cs: sealed, FailureDetails is non-null.
    public sealed class TaskFailedException : Exception
    {
        public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails) => throw new NotImplementedException();

        public string TaskName => throw new NotImplementedException();

        public int TaskId => throw new NotImplementedException();

        public TaskFailureDetails FailureDetails => throw new NotImplementedException();
    }

    // src/Abstractions/TaskOrchestrationContext.cs
    public abstract class TaskOrchestrationContext
    {
        public abstract TaskName Name { get; }

        public abstract string InstanceId { get; }

        public abstract DateTime CurrentUtcDateTime { get; }

        public abstract bool IsReplaying { get; }

        protected abstract ILoggerFactory LoggerFactory { get; }

        public abstract T? GetInput<T>();

        public virtual Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null) =>
            throw new NotImplementedException();

        public virtual Task CallActivityAsync(TaskName name, TaskOptions options) => throw new NotImplementedException();

        public virtual Task<TResult> CallActivityAsync<TResult>(TaskName name, TaskOptions options) => throw new NotImplementedException();

        public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);

        public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) => throw new NotImplementedException();

        public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

        public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

        public Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout) => throw new NotImplementedException();

        public abstract void SendEvent(string instanceId, string eventName, object payload);

        public abstract void SetCustomStatus(object? customStatus);

        public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

        public abstract Guid NewGuid();

        public ILogger CreateReplaySafeLogger(string categoryName) => throw new NotImplementedException();

        public virtual ILogger CreateReplaySafeLogger(Type type) => throw new NotImplementedException();

        public virtual ILogger CreateReplaySafeLogger<T>() => throw new NotImplementedException();
    }
}
