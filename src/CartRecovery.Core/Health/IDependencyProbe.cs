namespace CartRecovery.Core.Health;

/// <summary>Checks that a dependency the product cannot work without (storage) answers; throws with the reason when it does not.</summary>
public interface IDependencyProbe
{
    string Name { get; }

    Task ProbeAsync(CancellationToken cancellationToken);
}
