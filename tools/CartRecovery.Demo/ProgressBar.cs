namespace CartRecovery.Demo;

/// <summary>A one-line progress bar on standard error (the report goes to standard output).</summary>
public sealed class ProgressBar(TextWriter writer, bool enabled)
{
    private readonly Lock gate = new();

    public void Show(string what, int done, int total, string? detail = null)
    {
        if (!enabled)
        {
            return;
        }

        lock (gate)
        {
            var width = 30;
            var filled = total == 0 ? width : Math.Clamp(done * width / total, 0, width);
            writer.Write($"\r{what,-10} [{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} {detail}".PadRight(110));
        }
    }

    public void Done()
    {
        if (enabled)
        {
            writer.WriteLine();
        }
    }
}
