import Foundation

/// A small L2-regularised logistic regression, fitted by Newton's method
/// with a fixed number of iterations: no randomness and a fixed order of
/// floating-point operations, so the same examples give byte-identical weights.
///
/// Minimises `Σ log(1 + exp(−y·(b + w·x))) + λ/2 ‖w‖²` (the bias `b` is not
/// penalised). Each step solves `(H + λI) Δ = g` by Cholesky; with `λ > 0`
/// the system is positive definite, so the step always exists.
public struct LogisticRegression: Sendable {
    public var l2: Double
    public var iterations: Int

    public init(l2: Double = 1.0, iterations: Int = 30) {
        self.l2 = l2
        self.iterations = iterations
    }

    /// Fitted `(bias, weights)` for rows `x` (each of the same length) and labels `y`.
    public func fit(_ x: [[Double]], _ y: [Bool]) -> (bias: Double, weights: [Double]) {
        let d = x.first?.count ?? 0
        let n = d + 1  // index 0 is the bias
        var beta = [Double](repeating: 0, count: n)
        let positives = y.filter { $0 }.count
        if positives > 0, positives < y.count {
            beta[0] = log(Double(positives) / Double(y.count - positives))
        }
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: n)
            var hessian = [Double](repeating: 0, count: n * n)
            for (row, label) in zip(x, y) {
                var z = beta[0]
                for j in 0..<d { z += beta[j + 1] * row[j] }
                let p = 1 / (1 + exp(-z))
                let r = p - (label ? 1 : 0)
                let w = max(p * (1 - p), 1e-9)
                gradient[0] += r
                for j in 0..<d { gradient[j + 1] += r * row[j] }
                for a in 0..<n {
                    let xa = a == 0 ? 1 : row[a - 1]
                    if xa == 0 { continue }
                    for b in a..<n {
                        let xb = b == 0 ? 1 : row[b - 1]
                        hessian[a * n + b] += w * xa * xb
                    }
                }
            }
            for a in 0..<n {
                for b in 0..<a { hessian[a * n + b] = hessian[b * n + a] }
            }
            for j in 1..<max(n, 1) {
                gradient[j] += l2 * beta[j]
                hessian[j * n + j] += l2
            }
            hessian[0] += 1e-6
            guard let step = Self.solve(hessian, gradient, n: n) else { break }
            for j in 0..<n { beta[j] -= step[j] }
        }
        return (beta[0], Array(beta.dropFirst()))
    }

    /// Solves `A x = b` for symmetric positive definite `A` (row-major n×n) by Cholesky.
    static func solve(_ a: [Double], _ b: [Double], n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = b[i]
            for k in 0..<i { sum -= l[i * n + k] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<n { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}
