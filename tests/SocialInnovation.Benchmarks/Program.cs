using SocialInnovation.Benchmarks;

// Usage: dotnet run -c Release -- [watchers=50] [rounds=100]
var watchers = args.Length > 0 ? int.Parse(args[0]) : 50;
var rounds = args.Length > 1 ? int.Parse(args[1]) : 100;
await PhaseFanOut.Run(watchers, rounds);
await StorageBaseline.Run(rounds);
