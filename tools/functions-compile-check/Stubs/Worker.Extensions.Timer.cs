// Stand-ins for package Microsoft.Azure.Functions.Worker.Extensions.Timer (Azure/azure-functions-dotnet-worker,
// extensions/Worker.Extensions.Timer/src/TimerTriggerAttribute.cs; TimerInfo in the same package, namespace
// Microsoft.Azure.Functions.Worker, since 4.0.1).
#pragma warning disable CS1591

using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker
{
    public sealed class TimerTriggerAttribute : TriggerBindingAttribute
    {
        public TimerTriggerAttribute(string schedule) => Schedule = schedule;

        public string Schedule { get; private set; }

        public bool UseMonitor { get; set; }

        public bool RunOnStartup { get; set; }
    }

    public class TimerInfo
    {
        public bool IsPastDue { get; set; }
    }
}
