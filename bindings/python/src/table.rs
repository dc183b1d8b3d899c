//! `extract_table`: figures of a column of texts, Arrow in and Arrow out.
//!
//! The input is read through the Arrow PyCapsule stream interface, batch by
//! batch; each batch is processed in Rust with the GIL released (the text
//! column is read in place, without Python strings), and the rows are built
//! directly as Arrow arrays.

use std::sync::Arc;

use arrow_array::builder::{ArrayBuilder, Int64Builder, ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, Int64Array, ListArray, RecordBatch, StructArray, UInt32Array};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{ArrowError, DataType, Field, FieldRef, Fields, Schema, SchemaRef};
use chiffre::{Found, LangMode, Options, Value};
use pyo3::prelude::*;
use pyo3_arrow::PyTable;
use pyo3_arrow::input::AnyRecordBatch;

use crate::errors::{chiffre_error, message};
use crate::figure::{CharCursor, options, polarity_name};

/// The output text of one batch is cut into record batches of at most this
/// many bytes of figure text (Arrow `Utf8` offsets are 32-bit).
const MAX_BATCH_TEXT: usize = 1 << 30;
/// ... and of at most this many figures (every other string column then
/// stays far below 2 GiB too).
const MAX_BATCH_ROWS: usize = 1 << 22;

/// A dictionary-encoded string column (pandas or Polars categoricals) as
/// plain strings; any other column as it is.
fn decoded(array: &ArrayRef) -> Result<ArrayRef, ArrowError> {
    match array.data_type() {
        DataType::Dictionary(_, v)
            if matches!(
                **v,
                DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
            ) =>
        {
            arrow_cast::cast(array.as_ref(), v)
        }
        _ => Ok(array.clone()),
    }
}

/// A string column in any of Arrow's three layouts.
enum Strings<'a> {
    Small(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
}

impl<'a> Strings<'a> {
    fn of(array: &'a ArrayRef) -> Option<Strings<'a>> {
        match array.data_type() {
            DataType::Utf8 => array.as_string_opt::<i32>().map(Strings::Small),
            DataType::LargeUtf8 => array.as_string_opt::<i64>().map(Strings::Large),
            DataType::Utf8View => array.as_string_view_opt().map(Strings::View),
            _ => None,
        }
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            Strings::Small(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::View(a) => a.is_valid(i).then(|| a.value(i)),
        }
    }
}

fn str_field(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

fn alternative_fields() -> Fields {
    Fields::from(vec![str_field("rule", false), str_field("reading", false)])
}

fn alternatives_item() -> FieldRef {
    Arc::new(Field::new(
        "item",
        DataType::Struct(alternative_fields()),
        false,
    ))
}

fn inferred_item() -> FieldRef {
    Arc::new(str_field("item", false))
}

/// The output schema; `id` has the type of the input's id column.
fn out_schema(id_type: DataType) -> SchemaRef {
    let i64f = |n: &str| Field::new(n, DataType::Int64, false);
    Arc::new(Schema::new(vec![
        Field::new("id", id_type, true),
        i64f("start"),
        i64f("end"),
        i64f("byte_start"),
        i64f("byte_end"),
        str_field("text", false),
        str_field("kind", false),
        str_field("value", true),
        str_field("min", true),
        str_field("max", true),
        str_field("currency", true),
        str_field("unit", true),
        str_field("qualifier", false),
        str_field("period", true),
        str_field("lang", false),
        str_field("scale", true),
        str_field("polarity", false),
        str_field("resolution", false),
        Field::new("alternatives", DataType::List(alternatives_item()), false),
        Field::new("inferred", DataType::List(inferred_item()), false),
    ]))
}

/// The builders of one output batch.
struct Out {
    rows: Vec<u32>,
    start: Int64Builder,
    end: Int64Builder,
    byte_start: Int64Builder,
    byte_end: Int64Builder,
    text: StringBuilder,
    kind: StringBuilder,
    value: StringBuilder,
    min: StringBuilder,
    max: StringBuilder,
    currency: StringBuilder,
    unit: StringBuilder,
    qualifier: StringBuilder,
    period: StringBuilder,
    lang: StringBuilder,
    scale: StringBuilder,
    polarity: StringBuilder,
    resolution: StringBuilder,
    alt_rule: StringBuilder,
    alt_reading: StringBuilder,
    alt_offsets: Vec<i32>,
    inferred: ListBuilder<StringBuilder>,
    text_bytes: usize,
}

fn to_i64(n: usize) -> Result<i64, ArrowError> {
    i64::try_from(n).map_err(|e| ArrowError::ComputeError(e.to_string()))
}

impl Out {
    fn new() -> Out {
        Out {
            rows: Vec::new(),
            start: Int64Builder::new(),
            end: Int64Builder::new(),
            byte_start: Int64Builder::new(),
            byte_end: Int64Builder::new(),
            text: StringBuilder::new(),
            kind: StringBuilder::new(),
            value: StringBuilder::new(),
            min: StringBuilder::new(),
            max: StringBuilder::new(),
            currency: StringBuilder::new(),
            unit: StringBuilder::new(),
            qualifier: StringBuilder::new(),
            period: StringBuilder::new(),
            lang: StringBuilder::new(),
            scale: StringBuilder::new(),
            polarity: StringBuilder::new(),
            resolution: StringBuilder::new(),
            alt_rule: StringBuilder::new(),
            alt_reading: StringBuilder::new(),
            alt_offsets: vec![0],
            inferred: ListBuilder::new(StringBuilder::new()).with_field(inferred_item()),
            text_bytes: 0,
        }
    }

    fn push(
        &mut self,
        row: u32,
        text: &str,
        found: &Found,
        cur: &mut CharCursor<'_>,
    ) -> Result<(), ArrowError> {
        let f = &found.figure;
        self.rows.push(row);
        self.start.append_value(to_i64(cur.at(found.start))?);
        self.end.append_value(to_i64(cur.at(found.end))?);
        self.byte_start.append_value(to_i64(found.start)?);
        self.byte_end.append_value(to_i64(found.end)?);
        let written = text.get(found.start..found.end).unwrap_or_default();
        self.text_bytes += written.len();
        self.text.append_value(written);
        self.kind.append_value(f.kind().name());
        match f.value() {
            Value::Exact(v) => {
                self.value.append_value(v.normalize().to_string());
                self.min.append_null();
                self.max.append_null();
            }
            Value::Range { min, max } => {
                self.value.append_null();
                self.min.append_value(min.normalize().to_string());
                self.max.append_value(max.normalize().to_string());
            }
        }
        self.currency.append_option(f.currency().map(|c| c.code()));
        self.unit.append_option(f.unit().map(|u| u.symbol()));
        self.qualifier.append_value(f.qualifier().name());
        self.period.append_option(f.period().map(|p| p.name()));
        self.lang.append_value(f.lang().code());
        self.scale.append_option(f.scale().map(|s| s.name()));
        self.polarity.append_value(polarity_name(f.polarity()));
        self.resolution
            .append_value(f.resolution().normalize().to_string());
        for a in f.alternatives() {
            self.alt_rule.append_value(a.rule.id());
            self.alt_reading.append_value(&a.reading);
        }
        let n = i32::try_from(self.alt_rule.len())
            .map_err(|e| ArrowError::ComputeError(e.to_string()))?;
        self.alt_offsets.push(n);
        for w in f.inferred() {
            self.inferred.values().append_value(w);
        }
        self.inferred.append(true);
        Ok(())
    }

    fn finish(
        mut self,
        ids: Option<&ArrayRef>,
        row_base: i64,
        schema: &SchemaRef,
    ) -> Result<RecordBatch, ArrowError> {
        let id: ArrayRef = match ids {
            Some(col) => {
                let idx = UInt32Array::from(std::mem::take(&mut self.rows));
                arrow_select::take::take(col.as_ref(), &idx, None)?
            }
            None => Arc::new(Int64Array::from_iter_values(
                self.rows.iter().map(|r| row_base + i64::from(*r)),
            )),
        };
        let alternatives = StructArray::try_new(
            alternative_fields(),
            vec![
                Arc::new(self.alt_rule.finish()) as ArrayRef,
                Arc::new(self.alt_reading.finish()),
            ],
            None,
        )?;
        let alternatives = ListArray::try_new(
            alternatives_item(),
            OffsetBuffer::new(self.alt_offsets.into()),
            Arc::new(alternatives),
            None,
        )?;
        let columns: Vec<ArrayRef> = vec![
            id,
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.byte_start.finish()),
            Arc::new(self.byte_end.finish()),
            Arc::new(self.text.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.value.finish()),
            Arc::new(self.min.finish()),
            Arc::new(self.max.finish()),
            Arc::new(self.currency.finish()),
            Arc::new(self.unit.finish()),
            Arc::new(self.qualifier.finish()),
            Arc::new(self.period.finish()),
            Arc::new(self.lang.finish()),
            Arc::new(self.scale.finish()),
            Arc::new(self.polarity.finish()),
            Arc::new(self.resolution.finish()),
            Arc::new(alternatives),
            Arc::new(self.inferred.finish()),
        ];
        RecordBatch::try_new(schema.clone(), columns)
    }
}

/// Where the columns are in the input.
struct Columns {
    text: usize,
    id: Option<usize>,
    lang: Option<usize>,
}

/// What can go wrong inside the GIL-free part.
enum BatchError {
    Arrow(ArrowError),
    NotStrings { column: String, ty: DataType },
    Lang { row: i64, err: chiffre::Error },
}

impl From<ArrowError> for BatchError {
    fn from(e: ArrowError) -> BatchError {
        BatchError::Arrow(e)
    }
}

/// Extracts the figures of one input batch into output batches.
fn process(
    batch: &RecordBatch,
    cols: &Columns,
    names: (&str, Option<&str>),
    opts: Options,
    row_base: i64,
    schema: &SchemaRef,
) -> Result<Vec<RecordBatch>, BatchError> {
    let text_col = &decoded(batch.column(cols.text))?;
    let texts = Strings::of(text_col).ok_or_else(|| BatchError::NotStrings {
        column: names.0.to_string(),
        ty: text_col.data_type().clone(),
    })?;
    let lang_col = match cols.lang {
        Some(i) => Some(decoded(batch.column(i))?),
        None => None,
    };
    let langs = match &lang_col {
        Some(c) => Some(Strings::of(c).ok_or_else(|| BatchError::NotStrings {
            column: names.1.unwrap_or_default().to_string(),
            ty: c.data_type().clone(),
        })?),
        None => None,
    };
    let ids = cols.id.map(|i| batch.column(i));
    let mut done = Vec::new();
    let mut out = Out::new();
    for i in 0..batch.num_rows() {
        let Some(text) = texts.get(i) else { continue };
        let row = u32::try_from(i).map_err(|e| ArrowError::ComputeError(e.to_string()))?;
        let opts = match langs.as_ref().and_then(|l| l.get(i)) {
            Some(code) => Options {
                lang: code.parse::<LangMode>().map_err(|err| BatchError::Lang {
                    row: row_base + i64::from(row),
                    err,
                })?,
                ..opts
            },
            None => opts,
        };
        let found = chiffre::extract(text, &opts);
        let mut cur = CharCursor::new(text);
        for f in &found {
            out.push(row, text, f, &mut cur)?;
        }
        if out.text_bytes >= MAX_BATCH_TEXT || out.rows.len() >= MAX_BATCH_ROWS {
            done.push(std::mem::replace(&mut out, Out::new()).finish(ids, row_base, schema)?);
        }
    }
    if !out.rows.is_empty() || done.is_empty() {
        done.push(out.finish(ids, row_base, schema)?);
    }
    Ok(done)
}

fn column_index(schema: &Schema, name: &str, what: &str) -> PyResult<usize> {
    schema.index_of(name).map_err(|_| {
        let have: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        message(format!(
            "no column {name:?} for the {what} (columns: {})",
            have.join(", ")
        ))
    })
}

/// The figures of a column of texts, one row per figure: see
/// `chiffre.extract_table` (the Python wrapper) for the documentation.
#[pyfunction]
#[pyo3(signature = (data, text="text".to_string(), id=Some("id".to_string()), lang=None, kinds=None, region=None, lang_column=None))]
#[pyo3(
    text_signature = "(data, text='text', id='id', lang=None, kinds=None, region=None, lang_column=None)"
)]
#[allow(clippy::too_many_arguments)]
pub fn extract_table(
    py: Python<'_>,
    data: AnyRecordBatch,
    text: String,
    id: Option<String>,
    lang: Option<String>,
    kinds: Option<&Bound<'_, PyAny>>,
    region: Option<String>,
    lang_column: Option<String>,
) -> PyResult<PyTable> {
    let opts = options(py, lang.as_deref(), kinds, region.as_deref())?;
    let reader = data.into_reader()?;
    let in_schema = reader.schema();
    let cols = Columns {
        text: column_index(&in_schema, &text, "text")?,
        id: match &id {
            Some(n) => Some(column_index(
                &in_schema,
                n,
                "id (pass id=None to number the rows)",
            )?),
            None => None,
        },
        lang: match &lang_column {
            Some(n) => Some(column_index(&in_schema, n, "language")?),
            None => None,
        },
    };
    let id_type = match cols.id {
        Some(i) => in_schema.field(i).data_type().clone(),
        None => DataType::Int64,
    };
    let schema = out_schema(id_type);
    let mut batches = Vec::new();
    let mut row_base: i64 = 0;
    // Reading the next batch may call back into Python: done with the GIL.
    for batch in reader {
        let batch = batch.map_err(|e| message(e.to_string()))?;
        let result = py.detach(|| {
            process(
                &batch,
                &cols,
                (&text, lang_column.as_deref()),
                opts,
                row_base,
                &schema,
            )
        });
        match result {
            Ok(b) => batches.extend(b.into_iter().filter(|b| b.num_rows() > 0)),
            Err(BatchError::Arrow(e)) => return Err(message(e.to_string())),
            Err(BatchError::NotStrings { column, ty }) => {
                return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                    "column {column:?} is {ty}, not a string column"
                )));
            }
            Err(BatchError::Lang { row, err }) => {
                let e = chiffre_error(py, &err);
                return Err(message(format!("row {row}: {}", e.value(py))));
            }
        }
        row_base += to_i64(batch.num_rows()).map_err(|e| message(e.to_string()))?;
    }
    PyTable::try_new(batches, schema)
}
