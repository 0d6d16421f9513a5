// Stand-ins for package Microsoft.Azure.Functions.Worker (Worker.Core), written from the public source of
// Azure/azure-functions-dotnet-worker. Only what CartRecovery.Functions uses; bodies throw. Members keep the real
// modifiers (abstract/virtual/sealed) because those decide what the sources may call and override.
#pragma warning disable CS1591

using System.Collections.Specialized;
using System.Net;
using System.Net.Http.Headers;

namespace Microsoft.Azure.Functions.Worker
{
    // FunctionAttribute: [Function("name")] on a method, Name property. The file itself was not found in the stored
    // index; the shape is the one every sample in the repo uses (e.g. test/DependentAssemblyWithFunctions/StaticFunction.cs).
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class FunctionAttribute : Attribute
    {
        public FunctionAttribute(string name) => Name = name;

        public string Name { get; }
    }

    // src/DotNetWorker.Core/Context/FunctionContext.cs: abstract class; CancellationToken is
    // "public virtual CancellationToken CancellationToken { get; } = CancellationToken.None;" (the other abstract
    // members are left out: the sources only read CancellationToken).
    public abstract class FunctionContext
    {
        public virtual CancellationToken CancellationToken { get; } = CancellationToken.None;
    }
}

namespace Microsoft.Azure.Functions.Worker.Http
{
    // src/DotNetWorker.Core/Http/HttpHeadersCollection.cs: sealed, derives from System.Net.Http.Headers.HttpHeaders.
    public sealed class HttpHeadersCollection : HttpHeaders
    {
        public HttpHeadersCollection()
        {
        }
    }

    // src/DotNetWorker.Core/Http/HttpRequestData.cs
    public abstract class HttpRequestData
    {
        protected HttpRequestData(FunctionContext functionContext) => FunctionContext = functionContext;

        public abstract Stream Body { get; }

        public abstract HttpHeadersCollection Headers { get; }

        public abstract Uri Url { get; }

        public abstract string Method { get; }

        public FunctionContext FunctionContext { get; }

        public abstract NameValueCollection Query { get; }

        public abstract HttpResponseData CreateResponse();
    }

    // src/DotNetWorker.Core/Http/HttpResponseData.cs
    public abstract class HttpResponseData
    {
        protected HttpResponseData(FunctionContext functionContext) => FunctionContext = functionContext;

        public abstract HttpStatusCode StatusCode { get; set; }

        public abstract HttpHeadersCollection Headers { get; set; }

        public abstract Stream Body { get; set; }

        public FunctionContext FunctionContext { get; }
    }
}

namespace Microsoft.Extensions.Hosting
{
    // src/DotNetWorker/Hosting/WorkerHostBuilderExtensions.cs (Worker package; namespace Microsoft.Extensions.Hosting):
    // public static IHostBuilder ConfigureFunctionsWorkerDefaults(this IHostBuilder builder).
    public static class WorkerHostBuilderExtensions
    {
        public static IHostBuilder ConfigureFunctionsWorkerDefaults(this IHostBuilder builder) =>
            throw new NotImplementedException();
    }
}
