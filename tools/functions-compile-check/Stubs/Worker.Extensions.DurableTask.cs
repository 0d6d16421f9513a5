// Stand-ins for package Microsoft.Azure.Functions.Worker.Extensions.DurableTask (Azure/azure-functions-durable-extension,
// src/Worker.Extensions.DurableTask/OrchestrationTriggerAttribute.cs, ActivityTriggerAttribute.cs,
// DurableClientAttribute.cs). All three are in namespace Microsoft.Azure.Functions.Worker.
#pragma warning disable CS1591

using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker
{
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class OrchestrationTriggerAttribute : TriggerBindingAttribute
    {
        public string? Orchestration { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class ActivityTriggerAttribute : TriggerBindingAttribute
    {
        public string? Activity { get; set; }
    }

    public sealed class DurableClientAttribute : InputBindingAttribute
    {
        public string? TaskHub { get; set; }

        public string? ConnectionName { get; set; }
    }
}
