using Microsoft.Extensions.Hosting;
using SocialInnovation.Benchmarks;
using SocialInnovation.Benchmarks.Fault;
using SocialInnovation.Benchmarks.Hubs;
using SocialInnovation.Benchmarks.Swarm;

// deploy/bench.sh and deploy/fault.sh start this program in three roles:
//   host bare|naive <url> [storage]     the reference hubs, each its own process
//   swarm <bare-url> <naive-url> <product-url> [scenario|all] [runs] [scale] [seconds]
//   fault <server.dll> <content-root> <storage> [rounds]
//   baseline [rounds]                   one conditional blob write and one table row update on their own (SI_TEST_STORAGE)
switch (args.FirstOrDefault())
{
    case "host":
        var app = await BenchHubHost.Start(args[2], args[1] == "naive" ? args[3] : null);
        Console.WriteLine($"{args[1]} hub listening on {args[2]}");
        await app.WaitForShutdownAsync();
        break;
    case "swarm":
        var scenario = args.Length > 4 ? args[4] : "all";
        var targets = new Target[] { new HubTarget("bare", new Uri(args[1])), new HubTarget("naive", new Uri(args[2])), new ProductTarget(new Uri(args[3])) };
        await Bench.Run(targets, scenario == "all" ? [.. Scenarios.Names, .. OwnScenarios.Runners.Keys] : scenario.Split(','),
            runs: args.Length > 5 ? int.Parse(args[5]) : 1,
            scale: args.Length > 6 ? double.Parse(args[6], System.Globalization.CultureInfo.InvariantCulture) : 1,
            seconds: args.Length > 7 ? double.Parse(args[7], System.Globalization.CultureInfo.InvariantCulture) : 10);
        break;
    case "fault":
        await FaultRun.Run(args[1], args[2], args[3], args.Length > 4 ? int.Parse(args[4]) : 5, args.Length > 5 ? args[5] : ".");
        break;
    case "baseline":
        await StorageBaseline.Run(args.Length > 1 ? int.Parse(args[1]) : 100);
        break;
    default:
        Console.Error.WriteLine("usage: see deploy/bench.sh and deploy/fault.sh");
        return 2;
}
return 0;
