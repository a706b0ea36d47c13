# Automatically generated - do not edit.
# Source: forms/s11_import_dialog.ui (sha256 5227b0a71aeeb14a52a5191f85b9ee3e94b702d4a969c7397e151aa5363f2899)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 's11_import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QPlainTextEdit,
    QSizePolicy, QTableView, QVBoxLayout, QWidget)

class Ui_S11ImportDialog(object):
    def setupUi(self, S11ImportDialog):
        if not S11ImportDialog.objectName():
            S11ImportDialog.setObjectName(u"S11ImportDialog")
        S11ImportDialog.resize(820, 520)
        self.mainLayout = QVBoxLayout(S11ImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summaryLabel = QLabel(S11ImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.summaryLabel)

        self.problemsCaption = QLabel(S11ImportDialog)
        self.problemsCaption.setObjectName(u"problemsCaption")
        self.problemsCaption.setWordWrap(True)

        self.mainLayout.addWidget(self.problemsCaption)

        self.problemsView = QTableView(S11ImportDialog)
        self.problemsView.setObjectName(u"problemsView")
        self.problemsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problemsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problemsView.setWordWrap(True)

        self.mainLayout.addWidget(self.problemsView)

        self.changesCaption = QLabel(S11ImportDialog)
        self.changesCaption.setObjectName(u"changesCaption")

        self.mainLayout.addWidget(self.changesCaption)

        self.changesView = QPlainTextEdit(S11ImportDialog)
        self.changesView.setObjectName(u"changesView")
        self.changesView.setReadOnly(True)
        self.changesView.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        self.mainLayout.addWidget(self.changesView)

        self.errorLabel = QLabel(S11ImportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(S11ImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(S11ImportDialog)
        self.buttonBox.accepted.connect(S11ImportDialog.accept)
        self.buttonBox.rejected.connect(S11ImportDialog.reject)

        QMetaObject.connectSlotsByName(S11ImportDialog)
    # setupUi

    def retranslateUi(self, S11ImportDialog):
        S11ImportDialog.setWindowTitle(QCoreApplication.translate("S11ImportDialog", u"Import returned workbook", None))
        self.summaryLabel.setText("")
        self.problemsCaption.setText(QCoreApplication.translate("S11ImportDialog", u"Problems found in the workbook (nothing is imported until every one is put right):", None))
        self.changesCaption.setText(QCoreApplication.translate("S11ImportDialog", u"What the import would change:", None))
        self.errorLabel.setText("")
    # retranslateUi

