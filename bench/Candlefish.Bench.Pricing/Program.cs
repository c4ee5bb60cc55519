using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Candlefish.Bench.Pricing.PricingBench).Assembly).Run(args);
