# Automatically generated - do not edit.
# Source: forms/series_dialog.ui (sha256 c3c14248bb57bfbf4d632b0722e4f2393a5acc6f94aa6e2cb12d19eebdecbe23)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'series_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QSpinBox, QTableView, QVBoxLayout,
    QWidget)

class Ui_SeriesDialog(object):
    def setupUi(self, SeriesDialog):
        if not SeriesDialog.objectName():
            SeriesDialog.setObjectName(u"SeriesDialog")
        SeriesDialog.resize(620, 620)
        SeriesDialog.setMinimumSize(QSize(560, 480))
        self.mainLayout = QVBoxLayout(SeriesDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(SeriesDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.seriesForm = QFormLayout()
        self.seriesForm.setObjectName(u"seriesForm")
        self.seriesForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.firstDateLabel = QLabel(SeriesDialog)
        self.firstDateLabel.setObjectName(u"firstDateLabel")

        self.seriesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstDateLabel)

        self.firstDateRow = QHBoxLayout()
        self.firstDateRow.setObjectName(u"firstDateRow")
        self.firstDateEdit = QDateEdit(SeriesDialog)
        self.firstDateEdit.setObjectName(u"firstDateEdit")
        self.firstDateEdit.setCalendarPopup(True)

        self.firstDateRow.addWidget(self.firstDateEdit)

        self.countLabel = QLabel(SeriesDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.firstDateRow.addWidget(self.countLabel)

        self.countSpin = QSpinBox(SeriesDialog)
        self.countSpin.setObjectName(u"countSpin")
        self.countSpin.setMinimum(1)
        self.countSpin.setMaximum(52)
        self.countSpin.setValue(6)

        self.firstDateRow.addWidget(self.countSpin)

        self.firstDateSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.firstDateRow.addItem(self.firstDateSpacer)


        self.seriesForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.firstDateRow)

        self.startTimeLabel = QLabel(SeriesDialog)
        self.startTimeLabel.setObjectName(u"startTimeLabel")

        self.seriesForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.startTimeLabel)

        self.timeRow = QHBoxLayout()
        self.timeRow.setObjectName(u"timeRow")
        self.startTimeEdit = QLineEdit(SeriesDialog)
        self.startTimeEdit.setObjectName(u"startTimeEdit")
        self.startTimeEdit.setMaximumSize(QSize(90, 16777215))

        self.timeRow.addWidget(self.startTimeEdit)

        self.toLabel = QLabel(SeriesDialog)
        self.toLabel.setObjectName(u"toLabel")

        self.timeRow.addWidget(self.toLabel)

        self.endTimeEdit = QLineEdit(SeriesDialog)
        self.endTimeEdit.setObjectName(u"endTimeEdit")
        self.endTimeEdit.setMaximumSize(QSize(90, 16777215))

        self.timeRow.addWidget(self.endTimeEdit)

        self.timeSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timeRow.addItem(self.timeSpacer)


        self.seriesForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.timeRow)

        self.venueLabel = QLabel(SeriesDialog)
        self.venueLabel.setObjectName(u"venueLabel")

        self.seriesForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.venueLabel)

        self.venueEdit = QLineEdit(SeriesDialog)
        self.venueEdit.setObjectName(u"venueEdit")

        self.seriesForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.venueEdit)

        self.linkLabel = QLabel(SeriesDialog)
        self.linkLabel.setObjectName(u"linkLabel")

        self.seriesForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.linkLabel)

        self.linkEdit = QLineEdit(SeriesDialog)
        self.linkEdit.setObjectName(u"linkEdit")

        self.seriesForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.linkEdit)


        self.mainLayout.addLayout(self.seriesForm)

        self.previewLabel = QLabel(SeriesDialog)
        self.previewLabel.setObjectName(u"previewLabel")
        self.previewLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.previewLabel)

        self.previewTable = QTableView(SeriesDialog)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setAlternatingRowColors(True)
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.previewTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.previewTable.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed)
        self.previewTable.setShowGrid(False)
        self.previewTable.horizontalHeader().setStretchLastSection(True)
        self.previewTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.previewTable)

        self.errorLabel = QLabel(SeriesDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SeriesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.firstDateLabel.setBuddy(self.firstDateEdit)
        self.countLabel.setBuddy(self.countSpin)
        self.startTimeLabel.setBuddy(self.startTimeEdit)
        self.venueLabel.setBuddy(self.venueEdit)
        self.linkLabel.setBuddy(self.linkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.firstDateEdit, self.countSpin)
        QWidget.setTabOrder(self.countSpin, self.startTimeEdit)
        QWidget.setTabOrder(self.startTimeEdit, self.endTimeEdit)
        QWidget.setTabOrder(self.endTimeEdit, self.venueEdit)
        QWidget.setTabOrder(self.venueEdit, self.linkEdit)
        QWidget.setTabOrder(self.linkEdit, self.previewTable)

        self.retranslateUi(SeriesDialog)
        self.buttonBox.accepted.connect(SeriesDialog.accept)
        self.buttonBox.rejected.connect(SeriesDialog.reject)

        QMetaObject.connectSlotsByName(SeriesDialog)
    # setupUi

    def retranslateUi(self, SeriesDialog):
        SeriesDialog.setWindowTitle(QCoreApplication.translate("SeriesDialog", u"Plan a series of meetings", None))
        self.introLabel.setText("")
        self.firstDateLabel.setText(QCoreApplication.translate("SeriesDialog", u"&First meeting:", None))
        self.firstDateEdit.setDisplayFormat(QCoreApplication.translate("SeriesDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.firstDateEdit.setToolTip(QCoreApplication.translate("SeriesDialog", u"The series keeps this date's pattern, e.g. the second Tuesday of the month", None))
#endif // QT_CONFIG(tooltip)
        self.countLabel.setText(QCoreApplication.translate("SeriesDialog", u"&Number of meetings:", None))
        self.startTimeLabel.setText(QCoreApplication.translate("SeriesDialog", u"&Time:", None))
        self.startTimeEdit.setText(QCoreApplication.translate("SeriesDialog", u"10:00", None))
#if QT_CONFIG(tooltip)
        self.startTimeEdit.setToolTip(QCoreApplication.translate("SeriesDialog", u"Start time, e.g. 10:00, 9.30 or 2pm", None))
#endif // QT_CONFIG(tooltip)
        self.toLabel.setText(QCoreApplication.translate("SeriesDialog", u"to", None))
        self.endTimeEdit.setText(QCoreApplication.translate("SeriesDialog", u"12:00", None))
#if QT_CONFIG(tooltip)
        self.endTimeEdit.setToolTip(QCoreApplication.translate("SeriesDialog", u"End time, e.g. 12:00 or 1pm", None))
#endif // QT_CONFIG(tooltip)
        self.venueLabel.setText(QCoreApplication.translate("SeriesDialog", u"&Venue:", None))
        self.venueEdit.setPlaceholderText(QCoreApplication.translate("SeriesDialog", u"e.g. Room 123, Town Hall", None))
        self.linkLabel.setText(QCoreApplication.translate("SeriesDialog", u"Online &link:", None))
        self.linkEdit.setPlaceholderText(QCoreApplication.translate("SeriesDialog", u"e.g. the Teams link, for those joining online", None))
        self.previewLabel.setText(QCoreApplication.translate("SeriesDialog", u"The meetings to plan (double-click a date, or select it and press F2, to change it):", None))
        self.errorLabel.setText("")
    # retranslateUi

