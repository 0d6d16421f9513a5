using CartRecovery.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCartRecovery();

var app = builder.Build();
app.MapCartRecovery();
app.Run();

/// <summary>Entry point; public so end-to-end tests can host it with WebApplicationFactory.</summary>
public partial class Program;
