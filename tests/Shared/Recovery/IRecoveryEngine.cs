using CartRecovery.Core.Privacy;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Api;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.Storage;

namespace CartRecovery.RecoveryScenarios;

/// <summary>
/// One recovery engine (the embedded runner or Durable Functions), running for real on its own tables in Azurite, seen the
/// way the rest of the product sees it: the port that starts and signals recoveries, the read model, the merchant handlers.
/// The scenarios drive every engine through this and nothing else, so a behaviour that differs between them fails a test.
/// </summary>
public interface IRecoveryEngine : IAsyncDisposable
{
    IRecoveryWorkflows Workflows { get; }

    ISequenceIndex Index { get; }

    IShopRepository Shops { get; }

    /// <summary>The merchant API's host-neutral handlers, as both hosts map them onto HTTP.</summary>
    SequencesHandler Sequences { get; }

    /// <summary>The recoveries' personal data holder (export and erasure), wired to this engine's eraser.</summary>
    IPersonalDataHolder Recoveries { get; }

    /// <summary>The tables the recording step executor writes its calls and effects to.</summary>
    StorageTables Tables { get; }

    /// <summary>The engine's own copy of a recovery (the runner's state row, the orchestration's history); null when it holds none.</summary>
    Task<RecoveryState?> EngineStateAsync(string workflowId, CancellationToken cancellationToken);
}
