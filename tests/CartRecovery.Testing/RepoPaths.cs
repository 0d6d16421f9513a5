namespace CartRecovery.Testing;

/// <summary>Finds the repository root (where CartRecovery.sln is) from the test binaries, for node_modules and fixtures.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CartRecovery.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CartRecovery.sln not found above " + AppContext.BaseDirectory);
    }
}
