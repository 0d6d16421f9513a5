using CartRecovery.Server.Workflow;
using CartRecovery.Testing;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>Wake-up rows in a table per quarter hour, against Azurite: where rows go, what a poll finds, batched deletes, and dropping drained slots.</summary>
public sealed class TableTimersTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_row_goes_into_its_due_slot_or_the_current_slot_when_it_is_overdue_and_a_poll_finds_them_all()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        var clock = new ManualTimeProvider(Noon.AddMinutes(30));
        var timers = new TableTimers(env.Tables, clock);

        var later = await timers.AddAsync("wf-later", Noon.AddHours(2).AddMinutes(5), Cancel);
        var overdue = await timers.AddAsync("wf-overdue", Noon.AddHours(-3), Cancel);
        var soon = await timers.AddAsync("wf-soon", Noon.AddMinutes(31), Cancel);
        var nextSlot = await timers.AddAsync("wf-next-slot", Noon.AddMinutes(50), Cancel);

        Assert.Equal((Noon.AddHours(2), Noon.AddMinutes(45)), (later.Slot, nextSlot.Slot));
        Assert.Equal((Noon.AddMinutes(30), Noon.AddHours(-3)), (overdue.Slot, overdue.Due)); // nobody writes into a slot that has ended
        Assert.Equal(
            ["WorkflowTimers202611211230", "WorkflowTimers202611211245", "WorkflowTimers202611211400"],
            await env.Tables.ListAsync(TableTimers.TablePrefix, cancellationToken: Cancel));
        Assert.Equal([overdue], await timers.DueAsync(Noon.AddMinutes(30), 100, Cancel));
        Assert.Equal([overdue, soon], await timers.DueAsync(Noon.AddMinutes(35), 100, Cancel));
        Assert.Equal([overdue, soon, nextSlot, later], await timers.DueAsync(Noon.AddHours(3), 100, Cancel));
        Assert.Equal([overdue], await timers.DueAsync(Noon.AddHours(3), 1, Cancel));

        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal([overdue, soon, nextSlot, later], await timers.DueAsync(clock.GetUtcNow(), 100, Cancel));
    }

    [Fact]
    public async Task Fired_rows_are_deleted_together_even_when_one_is_already_gone()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        var timers = new TableTimers(env.Tables, new ManualTimeProvider(Noon));
        var fired = new List<TimerRow>();
        for (var i = 0; i < 5; i++)
        {
            fired.Add(await timers.AddAsync($"wf-{i}", Noon.AddMinutes(10).AddSeconds(i), Cancel));
        }

        var kept = await timers.AddAsync("wf-kept", Noon.AddMinutes(10).AddSeconds(10), Cancel);
        var otherMinute = await timers.AddAsync("wf-next-minute", Noon.AddMinutes(11), Cancel);
        var otherSlot = await timers.AddAsync("wf-next-slot", Noon.AddMinutes(20), Cancel);
        await timers.DeleteAsync([fired[2]], Cancel); // another runner got there first: the batch must not fail on it

        await timers.DeleteAsync([.. fired, otherMinute, otherSlot], Cancel);

        Assert.Equal([kept], await timers.DueAsync(Noon.AddHours(2), 100, Cancel));
    }

    [Fact]
    public async Task Only_empty_tables_of_slots_that_ended_over_an_hour_ago_are_dropped()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        var clock = new ManualTimeProvider(Noon);
        var timers = new TableTimers(env.Tables, clock);
        var drained = await timers.AddAsync("wf-drained", Noon.AddMinutes(10), Cancel);
        var leftOver = await timers.AddAsync("wf-left-over", Noon.AddMinutes(20), Cancel);
        await timers.AddAsync("wf-future", Noon.AddHours(5), Cancel);
        await timers.DeleteAsync([drained], Cancel);

        clock.Advance(new TimeSpan(1, 29, 0)); // 12:00's slot ended 1 h 14 min ago, 12:15's 59 min ago
        Assert.Equal(1, await timers.DropDrainedAsync(Cancel));
        Assert.Equal(["WorkflowTimers202611211215", "WorkflowTimers202611211700"], await env.Tables.ListAsync(TableTimers.TablePrefix, cancellationToken: Cancel));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await timers.DropDrainedAsync(Cancel)); // 12:15's table still holds a row left by a stop or crash
        Assert.Equal([leftOver], await timers.DueAsync(clock.GetUtcNow(), 100, Cancel));

        await timers.DeleteAsync([leftOver], Cancel);
        Assert.Equal(1, await timers.DropDrainedAsync(Cancel));
        Assert.Equal(["WorkflowTimers202611211700"], await env.Tables.ListAsync(TableTimers.TablePrefix, cancellationToken: Cancel));

        var written = await timers.AddAsync("wf-after-drop", Noon.AddMinutes(20), Cancel); // overdue: goes into the current slot
        Assert.Equal(clock.GetUtcNow(), written.Slot);
        Assert.Equal([written], await timers.DueAsync(clock.GetUtcNow(), 100, Cancel));
    }

    [Fact]
    public async Task Deleting_rows_or_tables_that_are_gone_is_not_an_error()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        var clock = new ManualTimeProvider(Noon);
        var timers = new TableTimers(env.Tables, clock);
        var kept = await timers.AddAsync("wf-kept", Noon.AddHours(3), Cancel);
        clock.Advance(TimeSpan.FromHours(3));

        await env.Tables.DeleteAsync(TableTimers.TableName(Noon.AddHours(5)), Cancel); // never existed
        await timers.DeleteAsync([new TimerRow(Noon.AddHours(-6), Noon.AddHours(-6), "wf-gone")], Cancel);

        Assert.Equal([kept], await timers.DueAsync(clock.GetUtcNow().AddMinutes(1), 100, Cancel));
    }
}
