using CartRecovery.Core.Privacy;
using CartRecovery.Server.Tests.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Server.Tests.Privacy;

/// <summary>
/// The product's composition hands the privacy webhooks a holder for every table: the tables added by measurement,
/// incentives, targeting and reconciliation were once left out (their behaviour is tested in the storage tests).
/// </summary>
public sealed class PersonalDataHolderRegistrationTests
{
    [Fact]
    public async Task The_host_registers_a_holder_for_each_table_added_by_later_features()
    {
        using var env = await RunnerEnvironment.CreateAsync();

        var names = env.Services.GetServices<IPersonalDataHolder>().Select(h => h.Name).ToList();

        foreach (var expected in new[] { "attribution", "incentiveCodes", "contactLedger", "measurement", "reconciliation", "eligibilityCounts", "carts", "recoveries" })
        {
            Assert.Contains(expected, names);
        }

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count()); // export sections are keyed by name
    }
}
