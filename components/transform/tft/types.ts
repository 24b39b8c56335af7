/**
 * The `tft` object handed to `preprocessing_fn(inputs, tft)` — tf.Transform's API under TFT's names. Types for
 * module authors: `import type { PreprocessingFn } from 'tfx-ts'` (or a relative path).
 *
 * Semantics shared by every op: values are lists (a feature's values in one example); element-wise ops pair
 * values up, a one-value operand (a scalar feature, a constant, an analyzer result) applies to every value; a
 * missing value (no values) gives missing unless `fill_missing` replaces it. Analyzers make a full pass over the
 * analyze splits and ignore missing values; their results are constants in the saved graph.
 */
import type { DType } from '../graph/types.js';
import type { Column, Operand, Vocabulary } from './column.js';

export interface VocabularyOptions {
  /** Keep only the `top_k` most frequent entries. */
  top_k?: number;
  /** Keep only entries seen at least this many times. */
  frequency_threshold?: number;
  /** Asset file name (default TFT's: vocab_<scope>, e.g. vocab_compute_and_apply_vocabulary_vocabulary). */
  vocab_filename?: string;
}

export interface ApplyVocabularyOptions {
  /** Values not in the vocabulary go to one of this many extra ids (vocab_size + hash mod n). Default 0. */
  num_oov_buckets?: number;
  /** The id of a value not in the vocabulary when num_oov_buckets is 0. Default -1. */
  default_value?: number;
}

export interface Tft {
  // ── element-wise math (numbers) ─────────────────────────────────────────────
  add(a: Operand, b: Operand): Column;
  sub(a: Operand, b: Operand): Column;
  mul(a: Operand, b: Operand): Column;
  /** True division: always float. */
  div(a: Operand, b: Operand): Column;
  /** Floor modulo (sign of the divisor), like tf.math.floormod. */
  mod(a: Operand, b: Operand): Column;
  pow(a: Operand, b: Operand): Column;
  minimum(a: Operand, b: Operand): Column;
  maximum(a: Operand, b: Operand): Column;
  neg(x: Column): Column;
  abs(x: Column): Column;
  log(x: Column): Column;
  log1p(x: Column): Column;
  exp(x: Column): Column;
  sqrt(x: Column): Column;
  square(x: Column): Column;
  floor(x: Column): Column;
  ceil(x: Column): Column;
  /** Half to even, like tf.round. */
  round(x: Column): Column;
  clip(x: Column, min: Operand, max: Operand): Column;
  cast(x: Column, dtype: DType): Column;
  // ── comparisons and logic (int 0/1) ─────────────────────────────────────────
  greater(a: Operand, b: Operand): Column;
  greater_equal(a: Operand, b: Operand): Column;
  less(a: Operand, b: Operand): Column;
  less_equal(a: Operand, b: Operand): Column;
  equal(a: Operand, b: Operand): Column;
  not_equal(a: Operand, b: Operand): Column;
  logical_and(a: Operand, b: Operand): Column;
  logical_or(a: Operand, b: Operand): Column;
  logical_not(x: Column): Column;
  is_nan(x: Column): Column;
  /** a where cond is non-zero, else b. */
  where(cond: Column, a: Operand, b: Operand): Column;
  // ── missing values ──────────────────────────────────────────────────────────
  /**
   * x's value, or the default where x is missing: always exactly one value per example (TFX's _fill_in_missing, a
   * sparse → dense [batch, 1] conversion); an example where x has several values fails with TRANSFORM_INPUT.
   */
  fill_missing(x: Column, defaultValue: Operand): Column;
  // ── strings ─────────────────────────────────────────────────────────────────
  lower(x: Column): Column;
  upper(x: Column): Column;
  strip(x: Column): Column;
  /** Length in UTF-8 bytes (TF's default), or in characters with unit 'UTF8_CHAR'. */
  length(x: Column, options?: { unit?: 'BYTE' | 'UTF8_CHAR' }): Column;
  /** Characters [pos, pos+len); negative pos counts from the end. */
  substr(x: Column, pos: number, len: number): Column;
  /** JavaScript RegExp pattern; `rewrite` may use $1. */
  regex_replace(x: Column, pattern: string, rewrite: string, options?: { replace_global?: boolean }): Column;
  /** Each value split on `sep` (multi-valued result). */
  split(x: Column, sep: string): Column;
  string_join(parts: Operand[], separator?: string): Column;
  // ── analyzers (full pass; results are constants usable in further ops) ──────
  mean(x: Column): Column;
  /** Population variance. */
  var(x: Column): Column;
  min(x: Column): Column;
  max(x: Column): Column;
  sum(x: Column): Column;
  /** Number of (non-missing) values. */
  size(x: Column): Column;
  /** num_buckets − 1 boundaries splitting the values into equal-count buckets (exact, see analyzers/quantiles.ts). */
  quantiles(x: Column, num_buckets: number): Column;
  vocabulary(x: Column, options?: VocabularyOptions): Vocabulary;
  // ── mappers (analyzer + apply) ──────────────────────────────────────────────
  scale_to_z_score(x: Column): Column;
  scale_to_0_1(x: Column): Column;
  scale_by_min_max(x: Column, output_min?: number, output_max?: number): Column;
  compute_and_apply_vocabulary(x: Column, options?: VocabularyOptions & ApplyVocabularyOptions): Column;
  apply_vocabulary(x: Column, vocabulary: Vocabulary, options?: ApplyVocabularyOptions): Column;
  /** Quantile buckets 0..num_buckets−1. */
  bucketize(x: Column, num_buckets: number): Column;
  /** Bucket ids for given ascending boundaries (a list or tft.quantiles' result): number of boundaries ≤ x. */
  apply_buckets(x: Column, boundaries: Column | readonly number[]): Column;
  /** Fingerprint64(value) mod hash_buckets, like tft.hash_strings / tf.strings.to_hash_bucket_fast. */
  hash_strings(x: Column, hash_buckets: number): Column;
}

/** The module's export: raw feature columns in, transformed feature columns out (sync or async). */
export type PreprocessingFn = (inputs: Record<string, Column>, tft: Tft) => Record<string, Column> | Promise<Record<string, Column>>;
