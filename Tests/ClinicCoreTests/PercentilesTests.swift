import ClinicCore
import Testing

@Suite("benchmark statistics")
struct PercentilesTests {
    @Test("nearest-rank percentiles of 1…100")
    func nearestRank() {
        let percentiles = Percentiles((1...100).map(Double.init).shuffled())
        #expect(percentiles.p50 == 50)
        #expect(percentiles.p95 == 95)
        #expect(percentiles.p99 == 99)
        #expect(percentiles.mean == 50.5)
        #expect(percentiles.count == 100)
    }

    @Test("a single sample is every percentile; no samples give zeros")
    func edges() {
        #expect(Percentiles([7]).p99 == 7)
        #expect(Percentiles([]).p50 == 0)
    }

    @Test("the layer cost is ours over raw at p50")
    func layerCost() {
        let result = BenchmarkResult(name: "x", latency: Percentiles([300]), rawLatency: Percentiles([200]))
        #expect(result.layerCostRatio == 1.5)
        #expect(BenchmarkResult(name: "y", latency: Percentiles([1])).layerCostRatio == nil)
    }
}
