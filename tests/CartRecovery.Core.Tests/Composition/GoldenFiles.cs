using System.Text;
using CartRecovery.Core.Messaging;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Composition;

/// <summary>
/// Compares rendered messages with files under tests/CartRecovery.Core.Tests/Composition/Golden.
/// To regenerate after an intended change: <c>CARTRECOVERY_UPDATE_GOLDEN=1 dotnet test tests/CartRecovery.Core.Tests --filter Golden</c>,
/// review <c>git diff</c>, then run again without the variable. A run that writes files fails, so regeneration is never silent.
/// </summary>
internal static class GoldenFiles
{
    public static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "CartRecovery.Core.Tests", "Composition", "Golden");

    public static bool Updating => Environment.GetEnvironmentVariable("CARTRECOVERY_UPDATE_GOLDEN") == "1";

    public static void Verify(string relativePath, string actual)
    {
        var path = Path.Combine(Folder, relativePath);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            Assert.Fail($"Golden file {relativePath} written (CARTRECOVERY_UPDATE_GOLDEN=1). Review the diff and run again without the variable.");
        }

        Assert.True(File.Exists(path), $"Golden file {relativePath} is missing; see GoldenFiles for how to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual.ReplaceLineEndings("\n"));
    }

    public static string Describe(RenderedMessage message)
    {
        var builder = new StringBuilder();
        builder.Append("channel: ").Append(message.Channel).Append('\n');
        builder.Append("locale: ").Append(message.Locale).Append('\n');
        builder.Append("copy: ").Append(message.CopySource).Append('\n');
        builder.Append("fallback: ").Append(message.FallbackReason ?? "-").Append('\n');
        builder.Append("subject: ").Append(message.Subject ?? "-").Append('\n');
        builder.Append("preheader: ").Append(message.Preheader ?? "-").Append('\n');
        builder.Append("title: ").Append(message.Title ?? "-").Append('\n');
        builder.Append("action: ").Append(message.ActionUrl).Append('\n');
        foreach (var (name, value) in message.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            builder.Append("header ").Append(name).Append(": ").Append(value).Append('\n');
        }

        builder.Append("--- text ---\n").Append(message.Text.TrimEnd()).Append('\n');
        if (message.Html is not null)
        {
            builder.Append("--- html ---\n").Append(message.Html.TrimEnd()).Append('\n');
        }

        return builder.ToString();
    }
}
