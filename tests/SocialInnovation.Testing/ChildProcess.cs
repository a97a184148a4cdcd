using System.Diagnostics;

namespace SocialInnovation.Testing;

/// <summary>
/// Starts a helper server (Azurite, maildev) that ends with the test process. The test runner may kill its
/// test host without running exit handlers, which left such servers running after every run; here a
/// watcher shell ends the server once the test process is gone.
/// </summary>
public static class ChildProcess
{
    public static Process StartTied(string file, string arguments)
    {
        var script = $"\"{file}\" {arguments} & child=$!; " +
                     $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; " +
                     "kill $child 2>/dev/null";
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        return Process.Start(start)!;
    }
}
