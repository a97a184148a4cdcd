using SocialInnovation.Server.Hosting;

var app = PlatformApp.Build(args);
await app.RunAsync();

/// <summary>The server's entry point; tests start the same app through <see cref="PlatformApp"/>.</summary>
public partial class Program;
