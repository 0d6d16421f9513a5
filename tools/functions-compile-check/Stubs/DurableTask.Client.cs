// Stand-ins for package Microsoft.DurableTask.Client (microsoft/durabletask-dotnet, src/Client/Core/). Only the members
// the sources call, plus their overloads that could compete in overload resolution.
#pragma warning disable CS1591

namespace Microsoft.DurableTask.Client
{
    // src/Client/Core/OrchestrationRuntimeStatus.cs. ContinuedAsNew and Canceled carry [Obsolete] in every version
    // (they exist "only for compatibility"), so using them is CS0618, an error under TreatWarningsAsErrors.
    public enum OrchestrationRuntimeStatus
    {
        Running,
        Completed,
        [Obsolete("The ContinuedAsNew status is obsolete and exists only for compatibility reasons.")]
        ContinuedAsNew,
        Failed,
        [Obsolete("The Canceled status is not currently used and exists only for compatibility reasons.")]
        Canceled,
        Terminated,
        Pending,
        Suspended,
    }

    // src/Client/Core/OrchestrationMetadata.cs: sealed; ReadOutputAs<T>() returns T? and throws unless the metadata was
    // fetched with getInputsAndOutputs: true.
    public sealed class OrchestrationMetadata
    {
        public OrchestrationMetadata(string name, string instanceId) => throw new NotImplementedException();

        public string Name => throw new NotImplementedException();

        public string InstanceId => throw new NotImplementedException();

        public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

        public T? ReadInputAs<T>() => throw new NotImplementedException();

        public T? ReadOutputAs<T>() => throw new NotImplementedException();

        public T? ReadCustomStatusAs<T>() => throw new NotImplementedException();
    }

    // src/Client/Core/DurableTaskClient.cs (GetInstanceAsync since 1.0.1, CHANGELOG.md).
    public abstract class DurableTaskClient : IAsyncDisposable
    {
        protected DurableTaskClient(string name) => throw new NotImplementedException();

        public string Name => throw new NotImplementedException();

        public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, CancellationToken cancellation) =>
            throw new NotImplementedException();

        public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input, CancellationToken cancellation) =>
            throw new NotImplementedException();

        public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(
            TaskName orchestratorName, StartOrchestrationOptions options, CancellationToken cancellation = default) =>
            throw new NotImplementedException();

        public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(
            TaskName orchestratorName,
            object? input = null,
            StartOrchestrationOptions? options = null,
            CancellationToken cancellation = default);

        public virtual Task RaiseEventAsync(string instanceId, string eventName, CancellationToken cancellation) =>
            throw new NotImplementedException();

        public abstract Task RaiseEventAsync(
            string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);

        public virtual Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellation) =>
            throw new NotImplementedException();

        public virtual Task<OrchestrationMetadata?> GetInstanceAsync(
            string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
            throw new NotImplementedException();

        // As declared now: virtual, forwarding to the TerminateInstanceOptions overload that later versions added. Before that
        // it was the abstract member, with "output = null". The sources pass output by name, which binds to it in both.
        public virtual Task TerminateInstanceAsync(string instanceId, object? output, CancellationToken cancellation = default) =>
            throw new NotImplementedException();

        public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
            string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

        // The (string, PurgeInstanceOptions?, CancellationToken) overload added later cannot bind a CancellationToken second.
        public virtual Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation) =>
            throw new NotImplementedException();

        public abstract ValueTask DisposeAsync();
    }

    // src/Client/Core/PurgeResult.cs. An early version declared it in namespace Microsoft.DurableTask, so the sources never
    // name the type.
    public class PurgeResult
    {
        public PurgeResult(int count, bool? isComplete) => throw new NotImplementedException();

        public int PurgedInstanceCount { get; }

        public bool? IsComplete { get; }
    }
}
